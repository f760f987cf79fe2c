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
        return withModules(ear, testWar, false);
    }

    /** The whole application plus {@code testWar} (context root {@code /<name>}), e.g. to seed data or move the clock. */
    public static EnterpriseArchive applicationWith(WebArchive testWar) {
        return withModules(application(), testWar, true);
    }

    private static EnterpriseArchive withModules(EnterpriseArchive ear, WebArchive testWar, boolean withPages) {
        ear.addAsModule(testWar);
        String context = testWar.getName().replaceFirst("\\.war$", "");
        String pages = withPages
                ? "<module><web><web-uri>suijin-web.war</web-uri><context-root>/</context-root></web></module>" : "";
        ear.setApplicationXML(new StringAsset("""
                <?xml version="1.0" encoding="UTF-8"?>
                <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                    <application-name>suijin</application-name>
                    <module><ejb>suijin-ejb.jar</ejb></module>
                    %s
                    <module><web><web-uri>%s</web-uri><context-root>/%s</context-root></web></module>
                    <library-directory>lib</library-directory>
                </application>
                """.formatted(pages, testWar.getName(), context)));
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
