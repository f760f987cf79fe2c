package jp.suijin.alarm;

import java.io.Serializable;

/** A user who may see the facility, so may be made a member of its recipient groups. */
public record RecipientChoice(long userId, String loginId, String displayName) implements Serializable {
}
