package jp.suijin.telemetry;

import jakarta.ejb.Local;
import java.util.List;

/** The statistics job's hours that are set aside, for the service operators (no organisation of their own). */
@Local
public interface StatisticsWork {

    /** Every hour set aside after repeated failures, oldest first. */
    List<SetAsideHour> setAside();

    /** Tries a set-aside hour again in the next round (its failure count starts anew). */
    void retry(long pointId, java.time.Instant hour);
}
