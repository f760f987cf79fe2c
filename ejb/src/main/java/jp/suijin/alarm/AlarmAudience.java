package jp.suijin.alarm;

import jakarta.ejb.Local;
import java.util.List;

/**
 * Who is to be told that an alarm changed, so that a push reaches only the people who could see it:
 * the enabled users of the alarm's organisation who may see its facility.
 */
@Local
public interface AlarmAudience {

    /** Login ids of the organisation's enabled users who may see the facility. */
    List<String> loginIds(long organisationId, long facilityId);
}
