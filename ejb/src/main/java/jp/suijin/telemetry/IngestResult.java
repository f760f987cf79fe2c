package jp.suijin.telemetry;

import java.util.List;

/** What happened to a batch: how many samples were stored (repeats of stored ones count) and which were rejected. */
public record IngestResult(int accepted, List<SampleRejection> rejected) {
}
