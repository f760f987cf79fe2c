package jp.suijin.csv;

/**
 * The one guard every CSV and XLSX export puts on text cells: a text that starts like a formula gets a
 * leading apostrophe, so a spreadsheet shows it instead of running it. Exports hold what strangers and
 * users typed (login IDs, paths, browsers, facility and point names, alarm comments). Japanese Excel
 * converts full-width ＝ ＋ － ＠ to their ASCII forms on input and so runs them too; a tab or carriage
 * return in front is skipped by spreadsheets before they look for a formula.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    /** {@code value} with an apostrophe in front if it starts like a formula; null stays null. */
    public static String neutralise(String value) {
        return value != null && !value.isEmpty() && startsFormula(value.charAt(0)) ? "'" + value : value;
    }

    static boolean startsFormula(char first) {
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠' -> true;
            default -> false;
        };
    }
}
