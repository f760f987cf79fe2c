package jp.suijin.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FormulaGuardTest {

    @Test
    void asciiFormulaStartsGetAnApostrophe() {
        assertEquals("'=HYPERLINK(\"x\")", FormulaGuard.neutralise("=HYPERLINK(\"x\")"));
        assertEquals("'+1", FormulaGuard.neutralise("+1"));
        assertEquals("'-1", FormulaGuard.neutralise("-1"));
        assertEquals("'@SUM(A1)", FormulaGuard.neutralise("@SUM(A1)"));
    }

    /** Japanese Excel turns full-width signs typed by an IME into a formula too. */
    @Test
    void fullWidthFormulaStartsGetAnApostrophe() {
        assertEquals("'＝HYPERLINK(\"x\")", FormulaGuard.neutralise("＝HYPERLINK(\"x\")"));
        assertEquals("'＋1", FormulaGuard.neutralise("＋1"));
        assertEquals("'－1", FormulaGuard.neutralise("－1"));
        assertEquals("'＠SUM(A1)", FormulaGuard.neutralise("＠SUM(A1)"));
    }

    @Test
    void tabAndCarriageReturnInFrontGetAnApostrophe() {
        assertEquals("'\t=1+1", FormulaGuard.neutralise("\t=1+1"));
        assertEquals("'\r=1+1", FormulaGuard.neutralise("\r=1+1"));
    }

    @Test
    void otherTextStaysAsItIs() {
        assertEquals("a=b", FormulaGuard.neutralise("a=b"));
        assertEquals("浄水場＝1", FormulaGuard.neutralise("浄水場＝1"));
        assertEquals(" =1", FormulaGuard.neutralise(" =1"));
        assertEquals("'", FormulaGuard.neutralise("'"));
        assertEquals("", FormulaGuard.neutralise(""));
        assertNull(FormulaGuard.neutralise(null));
    }
}
