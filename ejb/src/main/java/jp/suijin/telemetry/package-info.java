/**
 * Telemetry: samples from field devices in, current values out. Service interfaces and their DTOs
 * live here; implementations in {@code internal}.
 */
package jp.suijin.telemetry;
