package jp.suijin.admin;

import java.io.Serializable;
import jp.suijin.persistence.facility.FacilityKind;

/** A facility as the administration pages list it, with how many devices and measurement points it has. */
public record FacilityRow(long id, String facilityCode, String name, FacilityKind kind, int displayOrder,
        boolean enabled, int devices, int points) implements Serializable {

    public FacilityForm form() {
        return new FacilityForm(facilityCode, name, kind, displayOrder);
    }
}
