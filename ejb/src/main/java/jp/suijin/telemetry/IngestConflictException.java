package jp.suijin.telemetry;

import jakarta.ejb.ApplicationException;

/**
 * The database chose this batch's transaction as the victim of a deadlock or a lock wait timeout
 * with concurrent writers. Nothing of the batch was stored; sending it again is safe and will
 * almost always succeed.
 */
@ApplicationException(rollback = true)
public class IngestConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IngestConflictException(String message) {
        super(message, null, false, false);
    }
}
