package jp.suijin.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.function.Predicate;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.persistence.facility.Facility;
import jp.suijin.persistence.facility.FieldDevice;
import jp.suijin.persistence.facility.MeasurementPoint;

/**
 * The caller's organisation's facilities, devices and points by id, for the administration services:
 * another organisation's id, and one of a facility an administrator limited to some facilities may not
 * see, is answered exactly like an unknown one, with an {@link AdministrationException} on "facility",
 * "device" or "point". Used in the caller's transaction and persistence context.
 */
@Dependent
public class OrganisationModel {

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Inject
    private CallerLookup callers;

    public Facility facility(long facilityId) {
        Caller caller = callers.current();
        return only(em.createQuery("SELECT f FROM Facility f WHERE f.id = :id AND f.organisation.id = :org",
                Facility.class).setParameter("id", facilityId).setParameter("org", caller.requireOrganisation())
                .getResultList(), f -> caller.maySee(f.getId()), "facility", "model.error.facilityNotFound");
    }

    public FieldDevice device(long deviceId) {
        Caller caller = callers.current();
        return only(em.createQuery("SELECT d FROM FieldDevice d WHERE d.id = :id AND d.facility.organisation.id = :org",
                FieldDevice.class).setParameter("id", deviceId).setParameter("org", caller.requireOrganisation())
                .getResultList(), d -> caller.maySee(d.getFacility().getId()), "device", "model.error.deviceNotFound");
    }

    public MeasurementPoint point(long pointId) {
        Caller caller = callers.current();
        return only(em.createQuery("SELECT p FROM MeasurementPoint p WHERE p.id = :id"
                + " AND p.facility.organisation.id = :org", MeasurementPoint.class).setParameter("id", pointId)
                .setParameter("org", caller.requireOrganisation()).getResultList(),
                p -> caller.maySee(p.getFacility().getId()), "point", "model.error.pointNotFound");
    }

    /**
     * Writes what is pending now, so a unique key taken meanwhile (two administrators at once) is refused
     * on {@code field} like a duplicate found beforehand, instead of failing at commit.
     */
    public void flushUnique(String field, String problem, Object... args) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLIntegrityConstraintViolationException) {
                    throw new AdministrationException(field, problem, args);
                }
            }
            throw e;
        }
    }

    private static <T> T only(List<T> found, Predicate<T> visible, String field, String problem) {
        if (found.isEmpty() || !visible.test(found.get(0))) {
            throw new AdministrationException(field, problem);
        }
        return found.get(0);
    }
}
