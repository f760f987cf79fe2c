-- Which measurement points a facility's daily, monthly and yearly reports show, in which order
-- (position 1, 2, ...), each with one statistic (AVERAGE, MAXIMUM, MINIMUM, or DELTA for counters).
-- Set by the organisation's administrators; a facility without rows gets the default layout.
CREATE TABLE report_layout_item (
    facility_id  BIGINT      NOT NULL,
    position     INT         NOT NULL,
    point_id     BIGINT      NOT NULL,
    statistic    VARCHAR(16) NOT NULL,
    PRIMARY KEY (facility_id, position),
    CONSTRAINT uq_report_layout_item UNIQUE (facility_id, point_id, statistic),
    CONSTRAINT fk_report_layout_item_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
    CONSTRAINT fk_report_layout_item_point FOREIGN KEY (point_id) REFERENCES measurement_point (id),
    CONSTRAINT ck_report_layout_item_statistic CHECK (statistic IN ('AVERAGE', 'MAXIMUM', 'MINIMUM', 'DELTA')),
    CONSTRAINT ck_report_layout_item_position CHECK (position >= 1)
) ENGINE = InnoDB;
