package jp.suijin.persistence.user;

/**
 * A user's role. ADMIN, OPERATOR and VIEWER act within their own organisation; SERVICE_OPERATOR is
 * the staff of the company that runs Suijin.
 */
public enum Role {
    ADMIN,
    OPERATOR,
    VIEWER,
    SERVICE_OPERATOR
}
