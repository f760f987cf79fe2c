-- Foundation schema. All times are UTC, DATETIME(3) (millisecond precision).

CREATE TABLE organisation (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_organisation_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE facility (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id  BIGINT       NOT NULL,
    code             VARCHAR(32)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    display_order    INT          NOT NULL DEFAULT 0,
    created_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_facility_code UNIQUE (organisation_id, code),
    CONSTRAINT fk_facility_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A field monitoring device; code is what it sends as its id, token_hash the SHA-256 of its
-- bearer token (the token itself is random and high-entropy, so a fast hash is enough).
CREATE TABLE field_device (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    facility_id   BIGINT       NOT NULL,
    code          VARCHAR(64)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    token_hash    BINARY(32)   NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    last_seen_at  DATETIME(3)  NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_field_device_code UNIQUE (code),
    CONSTRAINT fk_field_device_facility FOREIGN KEY (facility_id) REFERENCES facility (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- kind: ANALOG (unit, range, decimals), STATE (state_labels "0=停止;1=運転"), COUNTER (totaliser).
CREATE TABLE measurement_point (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    facility_id    BIGINT       NOT NULL,
    device_id      BIGINT       NOT NULL,
    code           VARCHAR(64)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    unit           VARCHAR(16)  NULL,
    range_low      DOUBLE       NULL,
    range_high     DOUBLE       NULL,
    decimals       TINYINT      NOT NULL DEFAULT 0,
    state_labels   VARCHAR(500) NULL,
    display_order  INT          NOT NULL DEFAULT 0,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uq_measurement_point_code UNIQUE (device_id, code),
    CONSTRAINT fk_measurement_point_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
    CONSTRAINT fk_measurement_point_device FOREIGN KEY (device_id) REFERENCES field_device (id),
    CONSTRAINT ck_measurement_point_kind CHECK (kind IN ('ANALOG', 'STATE', 'COUNTER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Raw samples; the primary key makes a retried batch idempotent (one sample per point and time).
-- quality: 0 good, 1 uncertain, 2 bad.
CREATE TABLE sample (
    point_id     BIGINT      NOT NULL,
    sample_time  DATETIME(3) NOT NULL,
    value        DOUBLE      NOT NULL,
    quality      TINYINT     NOT NULL,
    received_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (point_id, sample_time)
) ENGINE = InnoDB;

-- Latest sample per point, kept by ingest so current-value pages never scan the sample table.
CREATE TABLE point_current (
    point_id     BIGINT      NOT NULL,
    sample_time  DATETIME(3) NOT NULL,
    value        DOUBLE      NOT NULL,
    quality      TINYINT     NOT NULL,
    PRIMARY KEY (point_id),
    CONSTRAINT fk_point_current_point FOREIGN KEY (point_id) REFERENCES measurement_point (id)
) ENGINE = InnoDB;

-- organisation_id is NULL only for the service operator's own staff (role SERVICE_OPERATOR).
CREATE TABLE app_user (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id  BIGINT       NULL,
    login_id         VARCHAR(64)  NOT NULL,
    display_name     VARCHAR(200) NOT NULL,
    email            VARCHAR(254) NOT NULL,
    password_hash    VARCHAR(255) NOT NULL,
    role             VARCHAR(32)  NOT NULL,
    locale           VARCHAR(8)   NOT NULL DEFAULT 'ja',
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_app_user_login UNIQUE (login_id),
    CONSTRAINT fk_app_user_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT ck_app_user_role CHECK (role IN ('ADMIN', 'OPERATOR', 'VIEWER', 'SERVICE_OPERATOR')),
    CONSTRAINT ck_app_user_tenant CHECK ((role = 'SERVICE_OPERATOR') = (organisation_id IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
