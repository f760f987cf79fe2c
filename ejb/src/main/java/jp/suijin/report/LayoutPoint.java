package jp.suijin.report;

import java.io.Serializable;
import jp.suijin.persistence.facility.PointKind;

/** A measurement point of the facility that a layout may show. */
public record LayoutPoint(long id, String code, String name, PointKind kind, String unit) implements Serializable {
}
