package jp.suijin.report;

/** 日報, 月報, 年報. */
public enum ReportKind {
    /** One row per Japan-time hour of a day, from the hourly statistics. */
    DAILY,
    /** One row per Japan-time day of a month, from the daily statistics. */
    MONTHLY,
    /** One row per Japan-time month of a year, from the daily statistics. */
    YEARLY
}
