package jp.suijin.admin;

import java.io.Serializable;
import java.util.List;

/** One facility with its field devices (by code) and measurement points (in display order). */
public record FacilityDetail(FacilityRow facility, List<DeviceRow> devices, List<PointRow> points)
        implements Serializable {
}
