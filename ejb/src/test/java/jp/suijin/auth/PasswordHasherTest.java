package jp.suijin.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = PasswordHasher.hash(PASSWORD);

        assertTrue(PasswordHasher.verify(PASSWORD, hash));
        assertFalse(PasswordHasher.verify("correct horse battery stapl".toCharArray(), hash));
    }

    @Test
    void saltsEveryHashAndKeepsItsParameters() {
        String a = PasswordHasher.hash(PASSWORD);
        String b = PasswordHasher.hash(PASSWORD);

        assertNotEquals(a, b);
        assertTrue(a.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"), a);
        assertFalse(a.contains("correct"), a);
    }

    @Test
    void olderParametersStillVerifyButAskForARehash() {
        String current = PasswordHasher.hash(PASSWORD);
        String[] parts = current.split("\\$");
        // a hash made with fewer iterations, as an older release would have stored it
        String weaker = "pbkdf2-sha256$1000$" + parts[2] + "$" + parts[3];

        assertFalse(PasswordHasher.needsRehash(current));
        assertTrue(PasswordHasher.needsRehash(weaker));
        assertFalse(PasswordHasher.verify(PASSWORD, weaker), "the iteration count is part of the hash");
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertFalse(PasswordHasher.verify(PASSWORD, null));
        assertFalse(PasswordHasher.verify(PASSWORD, ""));
        assertFalse(PasswordHasher.verify(PASSWORD, "pbkdf2-sha256$abc$x$y"));
        assertFalse(PasswordHasher.verify(PASSWORD, "md5$1$2$3"));
        assertFalse(PasswordHasher.verify(PASSWORD, "pbkdf2-sha256$1000$!!!$???"));
    }
}
