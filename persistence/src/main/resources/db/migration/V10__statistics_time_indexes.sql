-- The nightly retention deletes statistics older than a cut across all points, in chunks; without an
-- index on the time alone every chunk would scan (and lock) the whole table from its start.
CREATE INDEX ix_sample_hourly_hour ON sample_hourly (hour_start);
CREATE INDEX ix_sample_daily_day ON sample_daily (day_start);
