-- Alarms: what raises them (per point and per device), the alarms themselves with their lifecycle,
-- the evaluation state that makes evaluation exact under retries and late samples, and who is mailed.
-- Severities: MAJOR (重故障), MINOR (軽故障), NOTICE (注意). All times UTC.

-- Limits of one measurement point, each optional with its own severity. deadband: how far a value must
-- come back inside a limit before the alarm clears (keeps a value hovering at the limit from
-- chattering); on_delay_seconds: how long the condition must hold before the alarm rises.
-- fault_states ("2;3") for STATE points. A disabled or shelved definition raises nothing new.
CREATE TABLE alarm_definition (
    point_id          BIGINT       NOT NULL,
    hh_limit          DOUBLE       NULL,
    hh_severity       VARCHAR(8)   NULL,
    h_limit           DOUBLE       NULL,
    h_severity        VARCHAR(8)   NULL,
    l_limit           DOUBLE       NULL,
    l_severity        VARCHAR(8)   NULL,
    ll_limit          DOUBLE       NULL,
    ll_severity       VARCHAR(8)   NULL,
    deadband          DOUBLE       NOT NULL DEFAULT 0,
    on_delay_seconds  INT          NOT NULL DEFAULT 0,
    fault_states      VARCHAR(200) NULL,
    state_severity    VARCHAR(8)   NULL,
    enabled           BOOLEAN      NOT NULL DEFAULT TRUE,
    shelved_until     DATETIME(3)  NULL,
    shelve_reason     VARCHAR(500) NULL,
    updated_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (point_id),
    CONSTRAINT fk_alarm_definition_point FOREIGN KEY (point_id) REFERENCES measurement_point (id),
    CONSTRAINT ck_alarm_definition_deadband CHECK (deadband >= 0),
    CONSTRAINT ck_alarm_definition_on_delay CHECK (on_delay_seconds BETWEEN 0 AND 86400),
    CONSTRAINT ck_alarm_definition_severity CHECK (
        COALESCE(hh_severity, 'MAJOR') IN ('MAJOR', 'MINOR', 'NOTICE')
        AND COALESCE(h_severity, 'MAJOR') IN ('MAJOR', 'MINOR', 'NOTICE')
        AND COALESCE(l_severity, 'MAJOR') IN ('MAJOR', 'MINOR', 'NOTICE')
        AND COALESCE(ll_severity, 'MAJOR') IN ('MAJOR', 'MINOR', 'NOTICE')
        AND COALESCE(state_severity, 'MAJOR') IN ('MAJOR', 'MINOR', 'NOTICE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Communication loss of one device: raised on its facility after comm_loss_minutes without data.
CREATE TABLE device_alarm_setting (
    device_id          BIGINT       NOT NULL,
    comm_loss_minutes  INT          NOT NULL,
    severity           VARCHAR(8)   NOT NULL DEFAULT 'MAJOR',
    enabled            BOOLEAN      NOT NULL DEFAULT TRUE,
    shelved_until      DATETIME(3)  NULL,
    shelve_reason      VARCHAR(500) NULL,
    updated_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (device_id),
    CONSTRAINT fk_device_alarm_setting_device FOREIGN KEY (device_id) REFERENCES field_device (id),
    CONSTRAINT ck_device_alarm_setting_minutes CHECK (comm_loss_minutes BETWEEN 1 AND 10080),
    CONSTRAINT ck_device_alarm_setting_severity CHECK (severity IN ('MAJOR', 'MINOR', 'NOTICE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One alarm from 発生 (raised) through 確認 (acknowledged) and 復旧 (cleared), in either order.
-- open_key ('P12:HIGH', 'D3:COMM_LOSS') is set while the condition lasts and NULL once cleared: its
-- unique index allows one uncleared alarm per condition, so concurrent or retried batches cannot
-- raise it twice. needs_attention drives the active list: not yet both acknowledged and cleared.
CREATE TABLE alarm (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id  BIGINT       NOT NULL,
    facility_id      BIGINT       NOT NULL,
    point_id         BIGINT       NULL,
    device_id        BIGINT       NULL,
    kind             VARCHAR(16)  NOT NULL,
    severity         VARCHAR(8)   NOT NULL,
    open_key         VARCHAR(40)  NULL,
    raised_at        DATETIME(3)  NOT NULL,
    raised_value     DOUBLE       NULL,
    limit_value      DOUBLE       NULL,
    cleared_at       DATETIME(3)  NULL,
    cleared_value    DOUBLE       NULL,
    acked_at         DATETIME(3)  NULL,
    acked_by         BIGINT       NULL,
    ack_comment      VARCHAR(500) NULL,
    needs_attention  BOOLEAN AS (acked_at IS NULL OR cleared_at IS NULL) STORED,
    PRIMARY KEY (id),
    CONSTRAINT uq_alarm_open_key UNIQUE (open_key),
    CONSTRAINT fk_alarm_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_alarm_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
    CONSTRAINT fk_alarm_point FOREIGN KEY (point_id) REFERENCES measurement_point (id),
    CONSTRAINT fk_alarm_device FOREIGN KEY (device_id) REFERENCES field_device (id),
    CONSTRAINT fk_alarm_acked_by FOREIGN KEY (acked_by) REFERENCES app_user (id),
    CONSTRAINT ck_alarm_kind CHECK (kind IN ('HIGH_HIGH', 'HIGH', 'LOW', 'LOW_LOW', 'STATE', 'COMM_LOSS')),
    CONSTRAINT ck_alarm_severity CHECK (severity IN ('MAJOR', 'MINOR', 'NOTICE')),
    CONSTRAINT ck_alarm_source CHECK ((point_id IS NULL) <> (device_id IS NULL)),
    KEY ix_alarm_attention (organisation_id, needs_attention, raised_at),
    KEY ix_alarm_history (organisation_id, raised_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How far each point's samples have been evaluated: a sample at or before evaluated_until (a retried
-- batch, or a late sample behind newer ones) changes no alarm. The row is also the lock that
-- serialises two batches evaluating the same point.
CREATE TABLE alarm_point_state (
    point_id         BIGINT      NOT NULL,
    evaluated_until  DATETIME(3) NOT NULL,
    last_value       DOUBLE      NOT NULL,
    PRIMARY KEY (point_id),
    CONSTRAINT fk_alarm_point_state_point FOREIGN KEY (point_id) REFERENCES measurement_point (id)
) ENGINE = InnoDB;

-- A condition that holds but has not yet held for the on-delay: since is the first sample in it.
CREATE TABLE alarm_pending (
    point_id  BIGINT      NOT NULL,
    kind      VARCHAR(16) NOT NULL,
    since     DATETIME(3) NOT NULL,
    value     DOUBLE      NOT NULL,
    PRIMARY KEY (point_id, kind),
    CONSTRAINT fk_alarm_pending_point FOREIGN KEY (point_id) REFERENCES measurement_point (id)
) ENGINE = InnoDB;

-- Who is mailed about a facility's alarms of the chosen severities. delay_minutes 0: at once; more:
-- escalation, mailed only when the alarm is still unacknowledged that long after it rose.
CREATE TABLE recipient_group (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id  BIGINT       NOT NULL,
    facility_id      BIGINT       NOT NULL,
    name             VARCHAR(100) NOT NULL,
    notify_major     BOOLEAN      NOT NULL DEFAULT TRUE,
    notify_minor     BOOLEAN      NOT NULL DEFAULT TRUE,
    notify_notice    BOOLEAN      NOT NULL DEFAULT FALSE,
    notify_recovery  BOOLEAN      NOT NULL DEFAULT TRUE,
    delay_minutes    INT          NOT NULL DEFAULT 0,
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_recipient_group_name UNIQUE (facility_id, name),
    CONSTRAINT fk_recipient_group_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_recipient_group_facility FOREIGN KEY (facility_id) REFERENCES facility (id),
    CONSTRAINT ck_recipient_group_delay CHECK (delay_minutes BETWEEN 0 AND 1440)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A member is a user of the organisation (mailed at their address, in their language) or an outside
-- address with its own language ('ja' or 'en').
CREATE TABLE recipient_group_member (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    group_id  BIGINT       NOT NULL,
    user_id   BIGINT       NULL,
    email     VARCHAR(254) NULL,
    locale    VARCHAR(8)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_recipient_group_member_user UNIQUE (group_id, user_id),
    CONSTRAINT uq_recipient_group_member_email UNIQUE (group_id, email),
    CONSTRAINT fk_recipient_group_member_group FOREIGN KEY (group_id) REFERENCES recipient_group (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_recipient_group_member_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT ck_recipient_group_member_target CHECK ((user_id IS NULL) <> (email IS NULL)),
    CONSTRAINT ck_recipient_group_member_locale CHECK (locale IS NULL OR locale IN ('ja', 'en'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which groups were mailed about an alarm's rise, so escalation mails each group once.
CREATE TABLE alarm_notification (
    alarm_id   BIGINT      NOT NULL,
    group_id   BIGINT      NOT NULL,
    mailed_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (alarm_id, group_id),
    CONSTRAINT fk_alarm_notification_alarm FOREIGN KEY (alarm_id) REFERENCES alarm (id),
    CONSTRAINT fk_alarm_notification_group FOREIGN KEY (group_id) REFERENCES recipient_group (id)
        ON DELETE CASCADE
) ENGINE = InnoDB;

-- Alarm events held back from a recipient over the per-minute limit, mailed together as one digest.
CREATE TABLE alarm_digest_item (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id  BIGINT       NOT NULL,
    recipient        VARCHAR(254) NOT NULL,
    locale           VARCHAR(8)   NOT NULL,
    alarm_id         BIGINT       NOT NULL,
    event            VARCHAR(8)   NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_alarm_digest_item_recipient (recipient, created_at),
    CONSTRAINT fk_alarm_digest_item_alarm FOREIGN KEY (alarm_id) REFERENCES alarm (id),
    CONSTRAINT ck_alarm_digest_item_event CHECK (event IN ('RAISED', 'CLEARED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
