package jp.suijin.report;

import java.io.Serializable;

/** One column of a report layout, as an administrator sets it. */
public record LayoutItem(Long pointId, Statistic statistic) implements Serializable {
}
