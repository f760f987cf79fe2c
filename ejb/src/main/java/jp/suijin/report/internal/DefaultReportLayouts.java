package jp.suijin.report.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.Roles;
import jp.suijin.persistence.facility.Facility;
import jp.suijin.persistence.facility.MeasurementPoint;
import jp.suijin.report.LayoutItem;
import jp.suijin.report.LayoutPoint;
import jp.suijin.report.ReportException;
import jp.suijin.report.ReportFacility;
import jp.suijin.report.ReportLayout;
import jp.suijin.report.ReportLayouts;
import jp.suijin.telemetry.FacilityNotFoundException;

@Stateless
@RolesAllowed(Roles.ADMIN)
public class DefaultReportLayouts implements ReportLayouts {

    /** More columns than this make no readable report (the PDF prints 12 per page). */
    static final int MAX_ITEMS = 100;

    @Inject
    private CallerLookup callers;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Override
    public List<ReportFacility> facilities() {
        Caller caller = callers.current();
        return em.createQuery("SELECT f FROM Facility f WHERE f.organisation.id = :org AND f.enabled = true"
                + " ORDER BY f.displayOrder, f.id", Facility.class)
                .setParameter("org", caller.requireOrganisation())
                .getResultList().stream()
                .filter(f -> caller.maySee(f.getId()))
                .map(f -> new ReportFacility(f.getId(), f.getCode(), f.getName()))
                .toList();
    }

    @Override
    public ReportLayout layout(long facilityId) {
        Facility facility = own(facilityId);
        List<MeasurementPoint> points = LayoutColumns.points(em, facility);
        List<LayoutItem> stored = LayoutColumns.stored(em, facilityId);
        return new ReportLayout(new ReportFacility(facility.getId(), facility.getCode(), facility.getName()),
                !stored.isEmpty(), stored.isEmpty() ? LayoutColumns.defaults(points) : stored,
                points.stream().map(p -> new LayoutPoint(p.getId(), p.getCode(), p.getName(), p.getKind(), p.getUnit()))
                        .toList());
    }

    @Override
    public void save(long facilityId, List<LayoutItem> items) {
        Facility facility = own(facilityId);
        if (items == null || items.isEmpty()) {
            throw new ReportException("report.layout.error.empty");
        }
        if (items.size() > MAX_ITEMS) {
            throw new ReportException("report.layout.error.tooMany", MAX_ITEMS);
        }
        Map<Long, MeasurementPoint> points = new HashMap<>();
        LayoutColumns.points(em, facility).forEach(p -> points.put(p.getId(), p));
        Set<LayoutItem> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            LayoutItem item = items.get(i);
            int row = i + 1;
            if (item == null || item.pointId() == null) {
                throw new ReportException("report.layout.error.noPoint", row);
            }
            // another facility's or organisation's point is refused like an unknown id, with the same words
            MeasurementPoint point = points.get(item.pointId());
            if (point == null) {
                throw new ReportException("report.layout.error.point", row, item.pointId());
            }
            if (item.statistic() == null || !item.statistic().fits(point.getKind())) {
                throw new ReportException("report.layout.error.statistic", row, point.getCode(), point.getKind());
            }
            if (!seen.add(item)) {
                throw new ReportException("report.layout.error.duplicate", row, point.getCode());
            }
        }
        em.createNativeQuery("DELETE FROM report_layout_item WHERE facility_id = ?").setParameter(1, facilityId)
                .executeUpdate();
        for (int i = 0; i < items.size(); i++) {
            em.createNativeQuery("INSERT INTO report_layout_item (facility_id, position, point_id, statistic)"
                    + " VALUES (?, ?, ?, ?)")
                    .setParameter(1, facilityId)
                    .setParameter(2, i + 1)
                    .setParameter(3, items.get(i).pointId())
                    .setParameter(4, items.get(i).statistic().name())
                    .executeUpdate();
        }
    }

    @Override
    public void useDefault(long facilityId) {
        own(facilityId);
        em.createNativeQuery("DELETE FROM report_layout_item WHERE facility_id = ?").setParameter(1, facilityId)
                .executeUpdate();
    }

    /** The caller's facility; one of another organisation, or beyond an administrator's facility limits, is unknown. */
    private Facility own(long facilityId) {
        Caller caller = callers.current();
        List<Facility> found = em.createQuery("SELECT f FROM Facility f WHERE f.id = :id AND f.organisation.id = :org"
                + " AND f.enabled = true", Facility.class)
                .setParameter("id", facilityId)
                .setParameter("org", caller.requireOrganisation())
                .getResultList();
        if (found.isEmpty() || !caller.maySee(facilityId)) {
            throw new FacilityNotFoundException(facilityId);
        }
        return found.get(0);
    }
}
