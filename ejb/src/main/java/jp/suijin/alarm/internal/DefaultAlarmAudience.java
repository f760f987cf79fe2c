package jp.suijin.alarm.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import jp.suijin.alarm.AlarmAudience;

/**
 * Called by the web module's push with nobody signed in (it runs after another transaction's commit),
 * hence open to every caller; it is local only and tells only login ids, which the push uses to find
 * open pages.
 */
@Stateless
@PermitAll
public class DefaultAlarmAudience implements AlarmAudience {

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Override
    public List<String> loginIds(long organisationId, long facilityId) {
        // a user with no facilities listed may see every facility of the organisation
        // (EclipseLink refuses "f IS NULL" on the outer-joined many-to-many, hence IS EMPTY and a subquery)
        return em.createQuery("SELECT u.loginId FROM User u WHERE u.organisation.id = :org AND u.enabled = true"
                + " AND (u.facilities IS EMPTY OR EXISTS (SELECT f.id FROM User v JOIN v.facilities f"
                + " WHERE v = u AND f.id = :facility))", String.class)
                .setParameter("org", organisationId).setParameter("facility", facilityId).getResultList();
    }
}
