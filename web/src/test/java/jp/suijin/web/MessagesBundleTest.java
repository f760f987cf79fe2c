package jp.suijin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import jp.suijin.telemetry.StateLabels;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {

    @Test
    void japaneseAndEnglishHaveTheSameTexts() throws IOException {
        assertEquals(load("messages.properties").keySet(), load("messages_ja.properties").keySet());
    }

    @Test
    void everyStateLabelsProblemHasAMessage() throws IOException {
        Properties english = load("messages.properties");
        for (StateLabels.Problem problem : StateLabels.Problem.values()) {
            assertTrue(english.containsKey("model.error.stateLabels." + problem), problem.toString());
        }
    }

    /** The file itself, without the fallback a ResourceBundle adds. */
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(MessagesBundleTest.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
