package jp.suijin.report.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.suijin.persistence.facility.Facility;
import jp.suijin.persistence.facility.MeasurementPoint;
import jp.suijin.report.LayoutItem;
import jp.suijin.report.ReportColumn;
import jp.suijin.report.Statistic;

/** A facility's report columns: its layout's, or the default when it has none. */
final class LayoutColumns {

    private LayoutColumns() {
    }

    /** The facility's enabled points in display order. */
    static List<MeasurementPoint> points(EntityManager em, Facility facility) {
        return em.createQuery("SELECT p FROM MeasurementPoint p WHERE p.facility = :facility AND p.enabled = true"
                + " ORDER BY p.displayOrder, p.id", MeasurementPoint.class)
                .setParameter("facility", facility)
                .getResultList();
    }

    /** The stored layout, in order; empty when the facility has none. */
    static List<LayoutItem> stored(EntityManager em, long facilityId) {
        List<?> rows = em.createNativeQuery("SELECT point_id, statistic FROM report_layout_item WHERE facility_id = ?"
                + " ORDER BY position")
                .setParameter(1, facilityId)
                .getResultList();
        List<LayoutItem> items = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            items.add(new LayoutItem(((Number) r[0]).longValue(), Statistic.valueOf((String) r[1])));
        }
        return items;
    }

    /** Every enabled analog point's average and counter's increase, in display order. */
    static List<LayoutItem> defaults(List<MeasurementPoint> points) {
        List<LayoutItem> items = new ArrayList<>();
        for (MeasurementPoint p : points) {
            Statistic natural = Statistic.natural(p.getKind());
            if (natural != null) {
                items.add(new LayoutItem(p.getId(), natural));
            }
        }
        return items;
    }

    /**
     * The report columns. A point disabled since the layout was saved is left out (it reports
     * nothing any more); its row stays, so enabling it again brings the column back.
     */
    static List<ReportColumn> columns(EntityManager em, Facility facility) {
        List<MeasurementPoint> points = points(em, facility);
        List<LayoutItem> items = stored(em, facility.getId());
        if (items.isEmpty()) {
            items = defaults(points);
        }
        Map<Long, MeasurementPoint> byId = new HashMap<>();
        points.forEach(p -> byId.put(p.getId(), p));
        List<ReportColumn> columns = new ArrayList<>(items.size());
        for (LayoutItem item : items) {
            MeasurementPoint p = byId.get(item.pointId());
            if (p != null) {
                columns.add(new ReportColumn(p.getId(), p.getCode(), p.getName(), p.getUnit(), p.getDecimals(),
                        item.statistic()));
            }
        }
        return columns;
    }
}
