package jp.suijin.audit;

import fish.payara.micro.cdi.ClusteredCDIEventBus;
import fish.payara.micro.cdi.Inbound;
import fish.payara.notification.eventbus.EventbusMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.suijin.audit.internal.AdminCommandRecord;

/**
 * Carries the Payara domain's administration (admin console and admin REST API commands, reported
 * by Payara's admin audit service, domain-config/58-administration.asadmin) into the operation
 * chain. Payara's CDI event bus notifier sends each report through the domain's data grid (in
 * memory, never to a file) back to this instance's {@link Inbound} observers: the parameters'
 * secrets are masked here before anything is written.
 * The record is committed before the notifier goes on (the writer waits), so a busy application
 * slows the notifier down rather than losing a record.
 */
@ApplicationScoped
public class DomainAdministrationAudit {

    /** The operation name of these records on the audit page. */
    public static final String OPERATION = "domain_admin_command";
    /** Payara's subject of an admin audit report. */
    static final String AUDIT_SUBJECT = "Admin Command Audit";
    /** Principals of the domain's administration, apart from the service's own users. */
    public static final String PRINCIPAL_PREFIX = "payara:";

    private static final Logger LOG = Logger.getLogger(DomainAdministrationAudit.class.getName());

    @Inject
    private AuditLog audit;

    @Inject
    private ClusteredCDIEventBus eventBus;

    /** The event bus delivers inbound events only to applications that asked for them. */
    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        eventBus.initialize();
    }

    void onNotification(@Observes @Inbound EventbusMessage message) {
        if (!AUDIT_SUBJECT.equals(message.getSubject())) {
            return;
        }
        AdminCommandRecord.parse(message.getMessage()).ifPresentOrElse(
                r -> audit.event(OPERATION, Outcome.OK, PRINCIPAL_PREFIX + r.user(), null, r.command(),
                        r.parameters()),
                // Payara's wording changed: said once per message, never the message itself (secrets)
                () -> LOG.log(Level.WARNING, "An admin audit report of Payara could not be read; not recorded"));
    }
}
