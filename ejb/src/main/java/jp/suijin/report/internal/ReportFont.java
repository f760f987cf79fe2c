package jp.suijin.report.internal;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.suijin.report.ReportException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Japanese font embedded in PDF reports: the file named by {@value #PROPERTY} (MicroProfile
 * Config, e.g. a system property of the domain), else IPAex Gothic where Debian's
 * fonts-ipaexfont-gothic puts it. Looked up at every export, so installing a font needs no restart.
 */
final class ReportFont {

    static final String PROPERTY = "suijin.report.font";
    static final List<String> DEFAULTS = List.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
            "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf");

    private ReportFont() {
    }

    /** @throws ReportException naming the files looked for when none is there or readable as a font */
    static BaseFont load() {
        Optional<String> configured = ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class)
                .filter(s -> !s.isBlank());
        List<String> candidates = configured.map(List::of).orElse(DEFAULTS);
        List<String> tried = new ArrayList<>();
        for (String file : candidates) {
            tried.add(file);
            if (Files.isReadable(Path.of(file))) {
                try {
                    // Identity-H with embedding: every glyph used is in the file, whatever the reader has installed
                    return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                } catch (DocumentException | IOException e) {
                    throw new ReportException("report.error.font", file + " (" + e.getMessage() + ")", PROPERTY);
                }
            }
        }
        throw new ReportException("report.error.font", String.join(", ", tried), PROPERTY);
    }
}
