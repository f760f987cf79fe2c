-- Sign-in security: lockout counter, two-step login, single-use e-mailed links.

ALTER TABLE app_user
    ADD COLUMN failed_logins INT         NOT NULL DEFAULT 0,
    ADD COLUMN locked_at     DATETIME(3) NULL,
    ADD COLUMN otp_enabled   BOOLEAN     NOT NULL DEFAULT FALSE;

-- Per-organisation security settings; an organisation without a row uses the defaults.
CREATE TABLE organisation_security (
    organisation_id       BIGINT  NOT NULL,
    lockout_threshold     INT     NOT NULL DEFAULT 5,
    otp_required          BOOLEAN NOT NULL DEFAULT FALSE,
    otp_lifetime_minutes  INT     NOT NULL DEFAULT 5,
    unlock_link_minutes   INT     NOT NULL DEFAULT 30,
    PRIMARY KEY (organisation_id),
    CONSTRAINT fk_organisation_security_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT ck_organisation_security_lockout CHECK (lockout_threshold BETWEEN 3 AND 100),
    CONSTRAINT ck_organisation_security_otp CHECK (otp_lifetime_minutes BETWEEN 1 AND 10),
    CONSTRAINT ck_organisation_security_unlock CHECK (unlock_link_minutes BETWEEN 5 AND 1440)
) ENGINE = InnoDB;

-- Links mailed to a user (unlock, password reset): only the SHA-256 of the random token is kept.
CREATE TABLE account_token (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    user_id     BIGINT      NOT NULL,
    purpose     VARCHAR(16) NOT NULL,
    token_hash  BINARY(32)  NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    expires_at  DATETIME(3) NOT NULL,
    used_at     DATETIME(3) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_account_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_account_token_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT ck_account_token_purpose CHECK (purpose IN ('UNLOCK', 'PASSWORD_RESET'))
) ENGINE = InnoDB;

-- A pending second step of one sign-in: the challenge token lives only in that sign-in's session,
-- the code only in the user's mail; both are kept here as hashes.
CREATE TABLE login_challenge (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    user_id         BIGINT      NOT NULL,
    challenge_hash  BINARY(32)  NOT NULL,
    code_hash       BINARY(32)  NOT NULL,
    created_at      DATETIME(3) NOT NULL,
    expires_at      DATETIME(3) NOT NULL,
    last_sent_at    DATETIME(3) NOT NULL,
    failed_attempts INT         NOT NULL DEFAULT 0,
    state           VARCHAR(8)  NOT NULL DEFAULT 'OPEN',
    PRIMARY KEY (id),
    CONSTRAINT uq_login_challenge_hash UNIQUE (challenge_hash),
    CONSTRAINT fk_login_challenge_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT ck_login_challenge_state CHECK (state IN ('OPEN', 'USED', 'VOID'))
) ENGINE = InnoDB;
