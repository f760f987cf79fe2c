package jp.suijin.auth;

import jp.suijin.persistence.user.Role;

/** The signed-in user on whose behalf a service runs. {@code organisationId} is null for service operators. */
public record Caller(long userId, String loginId, String displayName, Long organisationId, Role role) {

    public boolean isServiceOperator() {
        return role == Role.SERVICE_OPERATOR;
    }
}
