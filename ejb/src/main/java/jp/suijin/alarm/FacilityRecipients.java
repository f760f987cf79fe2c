package jp.suijin.alarm;

import java.io.Serializable;
import java.util.List;

/** One facility's recipient groups (by name) and the users who may be members (enabled, seeing the facility). */
public record FacilityRecipients(long facilityId, String facilityCode, String facilityName,
        List<RecipientGroupRow> groups, List<RecipientChoice> users) implements Serializable {
}
