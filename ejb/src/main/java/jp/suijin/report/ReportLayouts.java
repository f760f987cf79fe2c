package jp.suijin.report;

import jakarta.ejb.Local;
import java.util.List;

/**
 * The report layouts of the caller's organisation, for its administrators. A facility of another
 * organisation is answered like an unknown one ({@link jp.suijin.telemetry.FacilityNotFoundException}).
 * Without a layout of its own a facility's reports show every enabled analog point's average and
 * every enabled counter's increase, in the points' display order; state points are left out.
 */
@Local
public interface ReportLayouts {

    /** Every enabled facility of the organisation. */
    List<ReportFacility> facilities();

    ReportLayout layout(long facilityId);

    /**
     * Replaces the facility's layout.
     *
     * @throws ReportException naming the row of the first item refused: no point chosen, a point that is
     *         not one of this facility's enabled points, a statistic that does not fit the point, the same
     *         point and statistic twice; or an empty or too long list
     */
    void save(long facilityId, List<LayoutItem> items);

    /** Removes the facility's layout: its reports show the default columns again. */
    void useDefault(long facilityId);
}
