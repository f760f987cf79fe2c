package jp.suijin.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * Which page of records to read, newest first: the newest ({@code from} null), or the records
 * just older or just newer than a position. Positions, not offsets, so a page costs the same
 * however deep in tens of millions of records it lies.
 */
public record Seek(Position from, boolean newer, int size) implements Serializable {

    public static final int MAX_SIZE = 100;

    /** A record's place in the newest-first order: its time, then its chain position. */
    public record Position(Instant recordedAt, long seq) implements Serializable {
    }

    public static Seek newest(int size) {
        return new Seek(null, false, size);
    }

    public static Seek olderThan(Position p, int size) {
        return new Seek(p, false, size);
    }

    public static Seek newerThan(Position p, int size) {
        return new Seek(p, true, size);
    }

    /** The size within 1 to {@value #MAX_SIZE}. */
    public int limit() {
        return Math.max(1, Math.min(MAX_SIZE, size));
    }
}
