package jp.suijin.admin;

import java.io.Serializable;

/** A facility of the organisation and whether a user may see it. */
public record FacilityChoice(long id, String name, boolean allowed) implements Serializable {
}
