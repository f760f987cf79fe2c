package jp.suijin.alarm;

import java.io.Serializable;

/** One member of a recipient group: a user ({@code userId} set) or an outside address with its language. */
public record Recipient(long memberId, Long userId, String loginId, String displayName, String email, String locale)
        implements Serializable {
}
