package jp.suijin.resilience;

import java.io.Serializable;
import java.util.Map;

/**
 * One named part of the service's health.
 *
 * @param up whether this part works well enough to serve (false makes the service not ready)
 * @param data what a service operator reads (counts, times, a cause; never a secret), in order
 */
public record CheckResult(String name, boolean up, Map<String, String> data) implements Serializable {
}
