package jp.suijin.audit;

import java.io.Serializable;
import java.time.Instant;

/** One operation record as the administrator page shows it (never its MACs). */
public record OperationRecordRow(long seq, Instant recordedAt, String principal, String clientIp, String userAgent,
        String sessionHash, String operation, String beanMethod, String target, String parameters, String outcome,
        String errorClass, int durationMs) implements Serializable {

    public Seek.Position position() {
        return new Seek.Position(recordedAt, seq);
    }
}
