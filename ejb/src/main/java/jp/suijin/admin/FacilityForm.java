package jp.suijin.admin;

import java.io.Serializable;
import jp.suijin.persistence.facility.FacilityKind;

/**
 * What an administrator enters for a facility. {@code facilityCode} is unique within the organisation;
 * {@code displayOrder} 0 to 9999, lower first.
 */
public record FacilityForm(String facilityCode, String name, FacilityKind kind, Integer displayOrder)
        implements Serializable {
}
