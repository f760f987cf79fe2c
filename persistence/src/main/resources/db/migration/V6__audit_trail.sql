-- Audit trail: operation records, access records, their HMAC chains, purge cuts, security events.
-- The application's database account gets SELECT and INSERT only on audit_record and
-- access_record, and SELECT only on audit_purge (see DatabaseGrants): records cannot be changed
-- or removed by the application, only purged by the owner account once past retention.
--
-- Both record tables are partitioned by month of recorded_at, so purging a month is a partition
-- drop. They start with the single catch-all partition; AuditMaintenance splits it into months.

-- One operation (EJB business method call) or security event (authn_login_fail, ...).
-- mac = HMAC-SHA256(key, prev_mac || canonical(record)); seq is the position in the chain.
CREATE TABLE audit_record (
    seq              BIGINT        NOT NULL,
    recorded_at      DATETIME(3)   NOT NULL,
    organisation_id  BIGINT        NULL,
    principal        VARCHAR(128)  NULL,
    client_ip        VARCHAR(45)   NULL,
    user_agent       VARCHAR(200)  NULL,
    session_hash     CHAR(16)      NULL,
    operation        VARCHAR(100)  NOT NULL,
    bean_method      VARCHAR(200)  NULL,
    target           VARCHAR(200)  NULL,
    parameters       VARCHAR(2000) NULL,
    outcome          VARCHAR(8)    NOT NULL,
    error_class      VARCHAR(200)  NULL,
    duration_ms      INT           NOT NULL,
    prev_mac         BINARY(32)    NOT NULL,
    mac              BINARY(32)    NOT NULL,
    PRIMARY KEY (seq, recorded_at),
    -- the viewer pages by (recorded_at, seq) within an organisation; a filter on user, address or
    -- outcome has its own index, so a rare value is found without reading the whole range
    KEY ix_audit_record_time (recorded_at, seq),
    KEY ix_audit_record_org_time (organisation_id, recorded_at, seq),
    KEY ix_audit_record_org_principal_time (organisation_id, principal, recorded_at, seq),
    KEY ix_audit_record_org_ip_time (organisation_id, client_ip, recorded_at, seq),
    KEY ix_audit_record_org_outcome_time (organisation_id, outcome, recorded_at, seq),
    CONSTRAINT ck_audit_record_outcome CHECK (outcome IN ('OK', 'DENIED', 'ERROR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  PARTITION BY RANGE COLUMNS (recorded_at) (PARTITION pmax VALUES LESS THAN (MAXVALUE));

-- One HTTP request on the operator or the device listener.
CREATE TABLE access_record (
    seq              BIGINT        NOT NULL,
    recorded_at      DATETIME(3)   NOT NULL,
    listener         VARCHAR(8)    NOT NULL,
    organisation_id  BIGINT        NULL,
    principal        VARCHAR(128)  NULL,
    client_ip        VARCHAR(45)   NULL,
    method           VARCHAR(10)   NOT NULL,
    path             VARCHAR(500)  NOT NULL,
    query            VARCHAR(500)  NULL,
    status           SMALLINT      NOT NULL,
    bytes            BIGINT        NOT NULL,
    duration_ms      INT           NOT NULL,
    user_agent       VARCHAR(200)  NULL,
    session_hash     CHAR(16)      NULL,
    prev_mac         BINARY(32)    NOT NULL,
    mac              BINARY(32)    NOT NULL,
    PRIMARY KEY (seq, recorded_at),
    KEY ix_access_record_time (recorded_at, seq),
    KEY ix_access_record_org_time (organisation_id, recorded_at, seq),
    KEY ix_access_record_org_principal_time (organisation_id, principal, recorded_at, seq),
    KEY ix_access_record_org_ip_time (organisation_id, client_ip, recorded_at, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  PARTITION BY RANGE COLUMNS (recorded_at) (PARTITION pmax VALUES LESS THAN (MAXVALUE));

-- Head of each chain: locked by the writer for every batch, so two servers never fork a chain.
-- key_id tells which key the chain is made with, so a wrong key is reported as such.
CREATE TABLE audit_chain (
    name        VARCHAR(16) NOT NULL,
    head_seq    BIGINT      NOT NULL,
    head_mac    BINARY(32)  NOT NULL,
    key_id      CHAR(16)    NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB;

-- Ranges of a chain removed by the retention purge: the verification accepts exactly these gaps.
CREATE TABLE audit_purge (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    chain      VARCHAR(16) NOT NULL,
    from_seq   BIGINT      NOT NULL,
    to_seq     BIGINT      NOT NULL,
    cutoff     DATETIME(3) NOT NULL,
    purged_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_audit_purge_chain (chain, from_seq)
) ENGINE = InnoDB;

-- Suspicious activity found by SecurityMonitor. organisation_id NULL: a pattern across
-- organisations (or against unknown accounts), for the service operator.
CREATE TABLE security_event (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    organisation_id  BIGINT       NULL,
    rule             VARCHAR(32)  NOT NULL,
    subject          VARCHAR(128) NOT NULL,
    client_ip        VARCHAR(45)  NULL,
    detail           VARCHAR(500) NOT NULL,
    first_at         DATETIME(3)  NOT NULL,
    last_at          DATETIME(3)  NOT NULL,
    occurrences      INT          NOT NULL DEFAULT 1,
    mailed           BOOLEAN      NOT NULL DEFAULT FALSE,
    acknowledged_by  VARCHAR(128) NULL,
    acknowledged_at  DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY ix_security_event_org (organisation_id, last_at),
    KEY ix_security_event_open (rule, subject, last_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An administrator's tuning of a rule for their organisation; a rule without a row uses its defaults.
CREATE TABLE security_rule_setting (
    organisation_id  BIGINT      NOT NULL,
    rule             VARCHAR(32) NOT NULL,
    enabled          BOOLEAN     NOT NULL,
    threshold        INT         NOT NULL,
    window_minutes   INT         NOT NULL,
    PRIMARY KEY (organisation_id, rule),
    CONSTRAINT fk_security_rule_setting_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

-- Networks a user has signed in from (IPv4 /24, IPv6 /48), for the new-network rule.
CREATE TABLE user_known_network (
    user_id        BIGINT      NOT NULL,
    network        VARCHAR(45) NOT NULL,
    first_seen_at  DATETIME(3) NOT NULL,
    last_seen_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, network),
    CONSTRAINT fk_user_known_network_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB;
