/**
 * Reports: daily (24 Japan-time hours), monthly (one row per day) and yearly (one row per month)
 * tables of a facility's measurement points, read only from the hourly and daily statistics, and
 * their XLSX, PDF and CSV exports; the per-facility layouts administrators set. Service interfaces
 * and their DTOs live here; implementations in {@code internal}.
 */
package jp.suijin.report;
