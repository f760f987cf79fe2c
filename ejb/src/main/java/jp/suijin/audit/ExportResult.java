package jp.suijin.audit;

import java.io.Serializable;

/** How many records an export wrote, and whether it stopped at the cap with more left. */
public record ExportResult(long rows, boolean capped) implements Serializable {
}
