package jp.suijin.alarm;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Alarm evaluation on the ingest path: called in the transaction that stored the samples, so alarms,
 * their mails and the samples commit together, and an alarm rises within the same request.
 */
public interface AlarmEvaluation {

    /**
     * Raises and clears the alarms of the samples' points (only samples newer than those evaluated
     * before count, so a retried batch raises nothing twice) and ends the device's communication loss.
     *
     * @param c the connection of the ingest transaction the samples were stored in
     */
    void samplesStored(Connection c, long deviceId, List<AlarmSample> samples, Instant receivedAt) throws SQLException;
}
