-- Smartphones and tablets: each user has a number of device slots; a device's first successful
-- sign-in takes a free slot. Tokens issued to a device are stored as SHA-256 hashes and end when
-- the device is revoked.

ALTER TABLE organisation_security
    ADD COLUMN device_slots INT NOT NULL DEFAULT 2,
    ADD CONSTRAINT ck_organisation_security_slots CHECK (device_slots BETWEEN 0 AND 20);

-- NULL: the organisation's number.
ALTER TABLE app_user
    ADD COLUMN device_slots INT NULL,
    ADD CONSTRAINT ck_app_user_slots CHECK (device_slots IS NULL OR device_slots BETWEEN 0 AND 20);

CREATE TABLE mobile_device (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    user_id         BIGINT       NOT NULL,
    device_key_hash BINARY(32)   NOT NULL,
    name            VARCHAR(100) NOT NULL,
    registered_at   DATETIME(3)  NOT NULL,
    last_used_at    DATETIME(3)  NOT NULL,
    revoked_at      DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY ix_mobile_device_user (user_id, device_key_hash),
    CONSTRAINT fk_mobile_device_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE mobile_token (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    device_id   BIGINT      NOT NULL,
    kind        VARCHAR(8)  NOT NULL,
    token_hash  BINARY(32)  NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    expires_at  DATETIME(3) NOT NULL,
    used_at     DATETIME(3) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_mobile_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_mobile_token_device FOREIGN KEY (device_id) REFERENCES mobile_device (id),
    CONSTRAINT ck_mobile_token_kind CHECK (kind IN ('ACCESS', 'REFRESH'))
) ENGINE = InnoDB;
