package jp.suijin.telemetry.internal;

/** Reads a STATE point's labels, written as {@code 0=停止;1=運転}. */
final class StateLabels {

    private StateLabels() {
    }

    /** The label of a state, or null if the labels do not name it. */
    static String label(String labels, double state) {
        if (labels == null || state != Math.rint(state)) {
            return null;
        }
        String key = String.valueOf((long) state);
        for (String entry : labels.split(";")) {
            int eq = entry.indexOf('=');
            if (eq > 0 && entry.substring(0, eq).strip().equals(key)) {
                return entry.substring(eq + 1).strip();
            }
        }
        return null;
    }
}
