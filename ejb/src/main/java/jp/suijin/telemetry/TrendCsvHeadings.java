package jp.suijin.telemetry;

import java.io.Serializable;

/** The column headings of a trend's CSV, in the reader's language. */
public record TrendCsvHeadings(String time, String mean, String min, String max, String samples) implements Serializable {
}
