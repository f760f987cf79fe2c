package jp.suijin.alarm.internal;

import java.io.IOException;
import java.io.OutputStream;
import jp.suijin.alarm.AlarmRow;

/** One export file of the alarm history, written row by row. */
interface AlarmExport extends AutoCloseable {

    void write(AlarmRow row) throws IOException;

    /** Writes whatever is still held to {@code out}. */
    void finish(OutputStream out) throws IOException;

    @Override
    void close() throws IOException;
}
