package jp.suijin.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import jp.suijin.resilience.ErrorLog;

/** The one log of unexpected errors of the pages and APIs: each kind in full once, then counted. */
@ApplicationScoped
public class UnexpectedErrors {

    @Inject
    private Clock clock;

    private ErrorLog log;

    @PostConstruct
    void init() {
        log = new ErrorLog(Logger.getLogger(UnexpectedErrors.class.getName()), clock);
    }

    /** @return the reference the client is shown */
    public String unexpected(String what, Throwable e) {
        return log.unexpected(what, e);
    }
}
