package jp.suijin.audit;

import java.io.Serializable;
import java.time.Instant;

/** One access record as the administrator page shows it (never its MACs). */
public record AccessRecordRow(long seq, Instant recordedAt, String listener, String principal, String clientIp,
        String method, String path, String query, int status, long bytes, int durationMs, String userAgent,
        String sessionHash) implements Serializable {

    public Seek.Position position() {
        return new Seek.Position(recordedAt, seq);
    }
}
