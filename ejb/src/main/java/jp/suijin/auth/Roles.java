package jp.suijin.auth;

/**
 * Role names as used in {@code @RolesAllowed}; they equal the names of
 * {@link jp.suijin.persistence.user.Role}, which the identity store returns as groups.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String OPERATOR = "OPERATOR";
    public static final String VIEWER = "VIEWER";
    public static final String SERVICE_OPERATOR = "SERVICE_OPERATOR";

    private Roles() {
    }
}
