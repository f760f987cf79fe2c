package jp.suijin.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import jp.suijin.audit.AuditQueries;
import jp.suijin.audit.AuditStatus;
import jp.suijin.web.Messages;

/** The state of the audit trail, and verifying it on request (in the background: it can take minutes). */
@Named
@ViewScoped
public class AuditStatusView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How long the page keeps polling for a verification it asked for to show up as running. */
    private static final Duration START_GRACE = Duration.ofSeconds(15);

    @Inject
    private AuditQueries queries;

    private AuditStatus status;
    private Instant requestedAt;

    @PostConstruct
    public void init() {
        status = queries.status();
    }

    public void refresh() {
        status = queries.status();
    }

    public void verifyNow() {
        if (queries.verifyNow()) {
            requestedAt = Instant.now();
            Messages.info("audit.status.verifyStarted");
        } else {
            Messages.info("audit.status.verifyRunning");
        }
        status = queries.status();
    }

    /** While a verification runs, or one just asked for has not started yet. */
    public boolean isPolling() {
        return status.verifying()
                || requestedAt != null && Instant.now().isBefore(requestedAt.plus(START_GRACE)) && !startedSinceRequest();
    }

    private boolean startedSinceRequest() {
        return status.chains().stream()
                .anyMatch(c -> c.last() != null && !c.last().started().isBefore(requestedAt.minusSeconds(1)));
    }

    public AuditStatus getStatus() {
        return status;
    }
}
