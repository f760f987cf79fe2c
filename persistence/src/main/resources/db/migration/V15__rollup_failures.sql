-- Hours whose statistics could not be computed (e.g. a sum beyond DOUBLE). The job tries such an hour
-- again after a growing pause and, after a few failures, sets it aside (set_aside_at) so every other
-- hour goes on; the service operators' page shows it and can try it again. Its rollup_pending mark
-- stays until it is computed. last_error: the database's or job's message, never sample data beyond it.
CREATE TABLE rollup_failure (
    point_id         BIGINT       NOT NULL,
    hour_start       DATETIME     NOT NULL,
    failures         INT          NOT NULL,
    first_failed_at  DATETIME(3)  NOT NULL,
    last_failed_at   DATETIME(3)  NOT NULL,
    retry_at         DATETIME(3)  NULL,
    set_aside_at     DATETIME(3)  NULL,
    last_error       VARCHAR(500) NOT NULL,
    PRIMARY KEY (point_id, hour_start)
) ENGINE = InnoDB;
