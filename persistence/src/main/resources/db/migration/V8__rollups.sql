-- Hourly and daily statistics per measurement point, recomputed from the raw samples whenever
-- samples arrive for their period (late and out-of-order ones included), so trends over long
-- ranges and reports never read the raw table. Hours are UTC hours; days are Japan-time days
-- (day_start is the UTC instant of 00:00 in Asia/Tokyo). delta_value: for counters, the increase
-- in the period, a meter roll-over counted (see RollupStats).
CREATE TABLE sample_hourly (
    point_id     BIGINT      NOT NULL,
    hour_start   DATETIME    NOT NULL,
    samples      INT         NOT NULL,
    min_value    DOUBLE      NOT NULL,
    max_value    DOUBLE      NOT NULL,
    sum_value    DOUBLE      NOT NULL,
    first_value  DOUBLE      NOT NULL,
    last_value   DOUBLE      NOT NULL,
    delta_value  DOUBLE      NOT NULL,
    PRIMARY KEY (point_id, hour_start)
) ENGINE = InnoDB;

CREATE TABLE sample_daily (
    point_id     BIGINT      NOT NULL,
    day_start    DATETIME    NOT NULL,
    samples      INT         NOT NULL,
    min_value    DOUBLE      NOT NULL,
    max_value    DOUBLE      NOT NULL,
    sum_value    DOUBLE      NOT NULL,
    first_value  DOUBLE      NOT NULL,
    last_value   DOUBLE      NOT NULL,
    delta_value  DOUBLE      NOT NULL,
    PRIMARY KEY (point_id, day_start)
) ENGINE = InnoDB;

-- Hours whose samples changed since their statistics were last computed; ingest adds, Rollups takes.
CREATE TABLE rollup_pending (
    point_id    BIGINT   NOT NULL,
    hour_start  DATETIME NOT NULL,
    PRIMARY KEY (point_id, hour_start)
) ENGINE = InnoDB;
