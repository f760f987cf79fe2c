package jp.suijin.it;

import java.io.File;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the suites deploy: the real EAR as built, or its services with a test WAR instead of the pages. */
public final class Deployments {

    private Deployments() {
    }

    /** ear/target/suijin.ear exactly as an integrator deploys it. */
    public static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile());
    }

    /**
     * The real EJB module and libraries with {@code testWar} (context root {@code /<name>}) in place
     * of the operator WAR, to call the services directly.
     */
    public static EnterpriseArchive servicesWith(WebArchive testWar) {
        EnterpriseArchive ear = application();
        ear.delete("suijin-web.war");
        ear.addAsModule(testWar);
        String context = testWar.getName().replaceFirst("\\.war$", "");
        ear.setApplicationXML(new StringAsset("""
                <?xml version="1.0" encoding="UTF-8"?>
                <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                    <application-name>suijin-%s</application-name>
                    <module><ejb>suijin-ejb.jar</ejb></module>
                    <module><web><web-uri>%s</web-uri><context-root>/%s</context-root></web></module>
                    <library-directory>lib</library-directory>
                </application>
                """.formatted(context, testWar.getName(), context)));
        return ear;
    }

    private static File earFile() {
        File ear = Path.of(System.getProperty("suijin.home"), "ear", "target", "suijin.ear").toFile();
        if (!ear.isFile()) {
            throw new IllegalStateException(ear + " is missing: run the build (mvn verify) from the project root");
        }
        return ear;
    }
}
