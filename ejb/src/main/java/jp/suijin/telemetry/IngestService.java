package jp.suijin.telemetry;

import jakarta.ejb.Local;
import java.util.List;

/** Accepts sample batches from field devices. */
@Local
public interface IngestService {

    /** Largest batch a device may send in one request. */
    int MAX_SAMPLES_PER_BATCH = 10_000;

    /**
     * Largest magnitude a sample value may have. Below 2^53 every whole count is exact in a double, so
     * a counter's increases stay exact; and a year of one-second samples (31,622,400) sums to at most
     * about 3.2e22, so no sum, mean, increase, minimum or maximum over an hour, day, month or year, nor
     * any total of such figures over many points, comes near the double's limit (1.8e308).
     */
    double MAX_VALUE_MAGNITUDE = 1e15;

    /**
     * Finds the device a bearer token belongs to, before the request body is read: the token alone
     * identifies the device (it is looked up by its SHA-256).
     *
     * @throws DeviceAuthenticationException if no enabled device has that token; the same answer for
     *     a wrong token and a disabled device, so neither can be probed
     */
    AuthenticatedDevice authenticate(String token);

    /**
     * Authenticates the device again (it may have been disabled meanwhile), stores its valid samples
     * (idempotent on point and time) and lists the invalid ones. Good samples are kept even when others
     * in the batch are rejected.
     *
     * @throws DeviceAuthenticationException if the token is no longer that of the enabled device {@code deviceId}
     * @throws IngestConflictException if the database rolled the batch back for a concurrent writer
     */
    IngestResult ingest(long deviceId, String token, List<SampleInput> samples);
}
