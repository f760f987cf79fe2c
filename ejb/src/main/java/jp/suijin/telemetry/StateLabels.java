package jp.suijin.telemetry;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A STATE point's labels, written as {@code 0=停止;1=運転}: read by ingest and the pages, checked
 * and written by administration.
 */
public final class StateLabels {

    /** The most the column holds. */
    public static final int MAX_LENGTH = 500;
    /** The highest state a device may report; states are small codes, not measurements. */
    public static final long MAX_STATE = 9999;

    /** Why labels cannot be used. */
    public enum Problem {
        /** No entry at all. */
        EMPTY,
        /** An entry without "=" or without a state before it. */
        NOT_AN_ENTRY,
        /** The state is not a whole number from 0 to {@link #MAX_STATE}. */
        NOT_A_STATE,
        /** The same state twice. */
        DUPLICATE_STATE,
        /** A state without a label. */
        EMPTY_LABEL,
        /** Longer than {@link #MAX_LENGTH} once written. */
        TOO_LONG
    }

    /** Labels that cannot be used; {@link #entry()} is the entry at fault, if one is. */
    public static final class InvalidLabels extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final Problem problem;
        private final String entry;

        InvalidLabels(Problem problem, String entry) {
            super(problem + (entry == null ? "" : ": " + entry));
            this.problem = problem;
            this.entry = entry;
        }

        public Problem problem() {
            return problem;
        }

        public String entry() {
            return entry;
        }
    }

    private StateLabels() {
    }

    /** The label of a state, or null if the labels do not name it. */
    public static String label(String labels, double state) {
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

    /**
     * The states and their labels, in state order. Full-width "；" and "＝" (as a Japanese input
     * method types them) count as ";" and "="; an empty entry (a trailing ";") is ignored.
     *
     * @throws InvalidLabels naming the problem and the entry at fault
     */
    public static SortedMap<Long, String> parse(String labels) {
        SortedMap<Long, String> states = new TreeMap<>();
        String text = labels == null ? "" : labels.replace('；', ';').replace('＝', '=');
        for (String raw : text.split(";")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new InvalidLabels(Problem.NOT_AN_ENTRY, entry);
            }
            long state;
            try {
                state = Long.parseLong(entry.substring(0, eq).strip());
            } catch (NumberFormatException e) {
                throw new InvalidLabels(Problem.NOT_A_STATE, entry);
            }
            if (state < 0 || state > MAX_STATE) {
                throw new InvalidLabels(Problem.NOT_A_STATE, entry);
            }
            String label = entry.substring(eq + 1).strip();
            if (label.isEmpty()) {
                throw new InvalidLabels(Problem.EMPTY_LABEL, entry);
            }
            if (states.putIfAbsent(state, label) != null) {
                throw new InvalidLabels(Problem.DUPLICATE_STATE, entry);
            }
        }
        if (states.isEmpty()) {
            throw new InvalidLabels(Problem.EMPTY, null);
        }
        return states;
    }

    /**
     * The labels checked and written the one way {@link #label} reads them ({@code 0=停止;1=運転}).
     *
     * @throws InvalidLabels naming the problem and the entry at fault
     */
    public static String normalise(String labels) {
        String written = parse(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
        if (written.length() > MAX_LENGTH) {
            throw new InvalidLabels(Problem.TOO_LONG, null);
        }
        return written;
    }
}
