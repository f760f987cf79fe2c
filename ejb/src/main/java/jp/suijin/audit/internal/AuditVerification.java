package jp.suijin.audit.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jp.suijin.auth.Roles;

/** Runs a chain verification an administrator asked for on a container thread: it can take minutes. */
@Stateless
@LocalBean
@RolesAllowed(Roles.ADMIN)
public class AuditVerification {

    @Inject
    private AuditMaintenance maintenance;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run() {
        maintenance.verifyAll();
    }
}
