package jp.suijin.telemetry;

import java.io.Serializable;
import java.util.List;

/** One point's buckets in time order; buckets without samples are left out, so gaps stay gaps. */
public record TrendSeries(TrendPoint point, List<TrendBucket> buckets) implements Serializable {
}
