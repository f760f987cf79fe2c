package jp.suijin.admin;

import jp.suijin.persistence.user.Role;

/** What an administrator enters to create a user; the user sets their own password from a mailed link. */
public record NewUser(String loginId, String displayName, String email, Role role, String locale) {
}
