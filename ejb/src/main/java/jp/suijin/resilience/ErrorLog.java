package jp.suijin.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs unexpected errors so that a repeated one cannot flood the log: the first of a kind (the
 * innermost cause's class and the place in our code it came from) is written once with its
 * reference and a bounded trace; repeats are counted, and at most one line per {@link #COUNT_EVERY}
 * says how many there were since and the latest reference. Every call returns a new reference,
 * which the client is shown, so an answer can still be matched to the log.
 */
public final class ErrorLog {

    static final Duration COUNT_EVERY = Duration.ofMinutes(1);
    /** Frames written per exception of the chain, and exceptions of the chain written. */
    static final int FRAMES = 12;
    static final int CAUSES = 5;
    /** Kinds remembered; the oldest is forgotten beyond this (it would be logged in full again). */
    static final int KINDS = 500;

    private final Logger log;
    private final Clock clock;
    private final Map<String, Kind> kinds = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kind> eldest) {
            return size() > KINDS;
        }
    };

    private static final class Kind {
        Instant lastLine;
        long since;
        long total;
    }

    public ErrorLog(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * Records an unexpected error of {@code what} (e.g. "API request POST /api/device/v1/samples").
     *
     * @return the reference the client is shown
     */
    public String unexpected(String what, Throwable e) {
        String reference = UUID.randomUUID().toString();
        String key = kind(e);
        Instant now = clock.instant();
        String line;
        synchronized (kinds) {
            Kind k = kinds.get(key);
            if (k == null) {
                k = new Kind();
                k.lastLine = now;
                k.total = 1;
                kinds.put(key, k);
                line = what + " failed, reference " + reference + ": " + trace(e);
            } else {
                k.total++;
                k.since++;
                if (Duration.between(k.lastLine, now).compareTo(COUNT_EVERY) < 0) {
                    return reference;
                }
                line = "The same error (" + key + ") happened " + k.since + " more time(s) since " + k.lastLine
                        + ", " + k.total + " in all; latest: " + what + ", reference " + reference;
                k.lastLine = now;
                k.since = 0;
            }
        }
        log.log(Level.SEVERE, line);
        return reference;
    }

    /** The kind of an error: its innermost cause's class and the first frame of ours (else its first frame). */
    static String kind(Throwable e) {
        Throwable root = e;
        for (int i = 0; root.getCause() != null && root.getCause() != root && i < 25; i++) {
            root = root.getCause();
        }
        StackTraceElement site = null;
        for (Throwable t = e; t != null && site == null; t = t == root ? null : t.getCause()) {
            for (StackTraceElement f : t.getStackTrace()) {
                if (f.getClassName().startsWith("jp.suijin.")) {
                    site = f;
                    break;
                }
            }
        }
        if (site == null && root.getStackTrace().length > 0) {
            site = root.getStackTrace()[0];
        }
        return root.getClass().getName() + (site == null ? "" : " at " + site);
    }

    /** The chain of exceptions, each with its first {@link #FRAMES} frames. */
    static String trace(Throwable e) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < CAUSES; t = t.getCause() == t ? null : t.getCause(), depth++) {
            out.append(depth == 0 ? "" : "\nCaused by: ").append(t);
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                out.append("\n\tat ").append(frames[i]);
            }
            if (frames.length > FRAMES) {
                out.append("\n\t... ").append(frames.length - FRAMES).append(" more");
            }
        }
        return out.toString();
    }
}
