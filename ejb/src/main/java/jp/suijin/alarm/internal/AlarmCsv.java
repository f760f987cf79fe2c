package jp.suijin.alarm.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import jp.suijin.alarm.AlarmRow;
import jp.suijin.csv.CsvWriter;

/** The history as CSV: the shared writer's BOM, Japan time and formula-safe text. */
final class AlarmCsv implements AlarmExport {

    private final AlarmText text;
    private final CsvWriter csv;

    AlarmCsv(AlarmText text, OutputStream out) throws IOException {
        this.text = text;
        csv = new CsvWriter(out);
        csv.header(AlarmText.COLUMNS.stream().map(text::heading).toArray(String[]::new));
    }

    @Override
    public void write(AlarmRow row) throws IOException {
        csv.number(row.id()).time(row.raisedAt()).text(row.facilityName()).text(row.sourceCode())
                .text(row.sourceName()).text(text.kind(row.kind())).text(text.severity(row.severity()));
        value(row, row.raisedValue(), true);
        value(row, row.limitValue(), false);
        csv.text(row.unit()).time(row.clearedAt());
        value(row, row.clearedValue(), false);
        duration(row.clearedAfter());
        csv.time(row.ackedAt());
        duration(row.acknowledgedAfter());
        csv.text(row.ackedBy()).text(row.ackComment());
        csv.endLine();
    }

    private void value(AlarmRow row, Double value, boolean raised) throws IOException {
        if (value == null) {
            csv.text(null);
        } else if (raised && row.stateLabel() != null) {
            csv.text(AlarmText.value(row, value, true));
        } else {
            csv.decimal(value, row.decimals());
        }
    }

    private void duration(Duration d) throws IOException {
        csv.text(AlarmText.duration(d));
    }

    @Override
    public void finish(OutputStream out) throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
