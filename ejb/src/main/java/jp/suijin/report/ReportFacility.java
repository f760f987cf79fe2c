package jp.suijin.report;

import java.io.Serializable;

/** A facility to choose a report or layout for. */
public record ReportFacility(long id, String code, String name) implements Serializable {
}
