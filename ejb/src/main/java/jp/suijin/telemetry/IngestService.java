package jp.suijin.telemetry;

import jakarta.ejb.Local;
import java.util.List;

/** Accepts sample batches from field devices. */
@Local
public interface IngestService {

    /** Largest batch a device may send in one request. */
    int MAX_SAMPLES_PER_BATCH = 10_000;

    /**
     * Authenticates the device, stores its valid samples (idempotent on point and time) and lists
     * the invalid ones. Good samples are kept even when others in the batch are rejected.
     *
     * @throws DeviceAuthenticationException if the device is unknown, disabled or the token is wrong
     * @throws IngestConflictException if the database rolled the batch back for a concurrent writer
     */
    IngestResult ingest(String deviceCode, String token, List<SampleInput> samples);
}
