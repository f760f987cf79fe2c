package jp.suijin.telemetry;

import jakarta.ejb.ApplicationException;

/** A trend request the service cannot answer; the message names the problem. */
@ApplicationException(rollback = true)
public class TrendRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrendRequestException(String message) {
        super(message);
    }
}
