package jp.suijin.resilience;

import jakarta.ejb.ApplicationException;

/**
 * The database cannot be reached right now; the caller should try again later. An application
 * exception, so the EJB container rolls back without logging a system exception per request while
 * the database is down (the outage is logged once by {@link DatabaseOutage}).
 */
@ApplicationException(rollback = true)
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(Throwable cause) {
        super("the database cannot be reached", cause);
    }
}
