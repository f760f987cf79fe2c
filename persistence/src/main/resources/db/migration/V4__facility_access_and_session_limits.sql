-- Users limited to some facilities (no row: every facility of the organisation), and session
-- limits an organisation may tune.

CREATE TABLE user_facility (
    user_id      BIGINT NOT NULL,
    facility_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, facility_id),
    CONSTRAINT fk_user_facility_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_user_facility_facility FOREIGN KEY (facility_id) REFERENCES facility (id)
) ENGINE = InnoDB;

ALTER TABLE organisation_security
    ADD COLUMN idle_timeout_minutes   INT NOT NULL DEFAULT 30,
    ADD COLUMN absolute_timeout_hours INT NOT NULL DEFAULT 12,
    ADD CONSTRAINT ck_organisation_security_idle CHECK (idle_timeout_minutes BETWEEN 5 AND 240),
    ADD CONSTRAINT ck_organisation_security_absolute CHECK (absolute_timeout_hours BETWEEN 1 AND 24);
