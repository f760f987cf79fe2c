package jp.suijin.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Path HOME = Path.of("/opt/suijin");
    private static final Path CALLER = Path.of("/home/op");

    @Test
    void defaultsRunEverythingLocally() {
        Settings s = Settings.parse(new String[0], Map.of(), HOME, CALLER);

        assertTrue(s.embeddedDb());
        assertEquals(8080, s.httpPort());
        assertEquals(8048, s.adminPort());
        assertEquals("http://localhost:8080/", s.operatorUrl());
        assertTrue(s.simulate());
        assertNull(s.dbPassword());
        assertEquals(Path.of("/opt/suijin/data"), s.dataDir());
    }

    @Test
    void aRelativeDataDirIsRelativeToWhereTheUserRanTheCommand() {
        assertEquals(Path.of("/home/op/suijin-data"),
                Settings.parse(new String[] {"--data-dir=suijin-data"}, Map.of(), HOME, CALLER).dataDir());
    }

    @Test
    void anExternalDatabaseTakesItsPasswordFromTheEnvironment() {
        Settings s = Settings.parse(new String[] {"--db-url=jdbc:mariadb://db:3306/suijin", "--db-user=app",
            "--no-simulator", "--port-base=9000"}, Map.of("SUIJIN_DB_PASSWORD", "pw", "SUIJIN_DB_OWNER_PASSWORD", "opw"),
            HOME, CALLER);

        assertFalse(s.embeddedDb());
        assertEquals("app", s.dbUser());
        assertEquals("pw", s.dbPassword());
        assertEquals("suijin_owner", s.dbOwnerUser());
        assertEquals("opw", s.dbOwnerPassword());
        assertEquals(9048, s.adminPort());
        assertFalse(s.simulate());
    }

    @Test
    void theEmbeddedDatabaseIsNotKeptInTheTemporaryDirectory() {
        String tmp = System.getProperty("java.io.tmpdir");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] {"--data-dir=" + tmp + "/suijin"}, Map.of(), HOME, CALLER));
        assertTrue(e.getMessage().contains("temporary directory"), e.getMessage());
        Settings.parse(new String[] {"--data-dir=" + tmp + "/suijin", "--db-url=jdbc:mariadb://db:3306/suijin"}, Map.of(),
                HOME, CALLER);
    }

    @Test
    void theApplicationAndTheSchemaOwnerMustBeDifferentAccounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.parse(
                new String[] {"--db-url=jdbc:mariadb://db:3306/suijin", "--db-user=x", "--db-owner-user=x"}, Map.of(),
                HOME, CALLER));
        assertTrue(e.getMessage().contains("--db-owner-user"), e.getMessage());
    }

    @Test
    void wrongOptionsAreNamed() {
        assertEquals("--device-port=0 is not a port number (1-65535)", assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] {"--device-port=0"}, Map.of(), HOME, CALLER)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] {"--colour=blue"}, Map.of(), HOME, CALLER)).getMessage()
                .startsWith("unknown option --colour"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] {"--db-url=jdbc:postgresql://x/y"}, Map.of(), HOME, CALLER)).getMessage()
                .startsWith("--db-url must be a MariaDB JDBC URL"));
    }
}
