package jp.suijin.report;

import java.io.Serializable;
import java.util.List;

/**
 * A facility's report layout: the columns in order, whether an administrator set them
 * ({@code configured}) or they are the default, and the points a column may show.
 */
public record ReportLayout(ReportFacility facility, boolean configured, List<LayoutItem> items,
        List<LayoutPoint> points) implements Serializable {
}
