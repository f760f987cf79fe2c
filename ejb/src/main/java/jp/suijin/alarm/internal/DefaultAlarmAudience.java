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
        return em.createQuery("SELECT DISTINCT u.loginId FROM User u LEFT JOIN u.facilities f"
                + " WHERE u.organisation.id = :org AND u.enabled = true AND (f IS NULL OR f.id = :facility)",
                String.class)
                .setParameter("org", organisationId).setParameter("facility", facilityId).getResultList();
    }
}
