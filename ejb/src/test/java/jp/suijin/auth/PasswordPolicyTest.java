package jp.suijin.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void shipsARealListOfCommonPasswords() {
        assertTrue(PasswordPolicy.commonCount() >= 10_000, "only " + PasswordPolicy.commonCount());
    }

    @Test
    void acceptsALongUncommonPasswordWithoutCompositionRules() {
        assertEquals(Optional.empty(), PasswordPolicy.check("river stones under snow", "demo.operator"));
        assertEquals(Optional.empty(), PasswordPolicy.check("すいじんのみずはきれいです", "demo.operator"));
    }

    @Test
    void namesTheRuleThatFailed() {
        assertEquals(Optional.of(PasswordPolicy.Violation.TOO_SHORT), PasswordPolicy.check("short pass", "x"));
        assertEquals(Optional.of(PasswordPolicy.Violation.TOO_LONG), PasswordPolicy.check("a".repeat(129), "x"));
        assertEquals(Optional.of(PasswordPolicy.Violation.COMMON), PasswordPolicy.check("1QAZ2WSX3EDC", "x"));
        assertEquals(Optional.of(PasswordPolicy.Violation.CONTAINS_LOGIN_ID),
                PasswordPolicy.check("my-Demo.Operator-secret", "demo.operator"));
    }

    @Test
    void countsCodePointsNotJavaChars() {
        // 12 kanji are 12 characters for the user even though some need two Java chars
        assertEquals(Optional.empty(), PasswordPolicy.check("𠮷".repeat(12), "x"));
        assertEquals(Optional.of(PasswordPolicy.Violation.TOO_SHORT), PasswordPolicy.check("𠮷".repeat(11), "x"));
    }
}
