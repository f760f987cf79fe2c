-- Every mail the service sends is first written here, in the transaction of what it reports (an
-- alarm, a lockout, a sign-in), so a mail is sent if and only if that transaction committed, and is
-- not lost when the SMTP relay is down or the server restarts: MailSender retries each PENDING row
-- until the relay accepts it (SENT) or gives up after 48 hours (FAILED). Times are UTC.
CREATE TABLE mail_outbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    -- whose mail it is (NULL: the service operators'), for per-organisation views and counts
    organisation_id  BIGINT        NULL,
    -- what kind of mail ('alarm', 'otp', 'unlock', ...): flood control counts by it
    category         VARCHAR(32)   NOT NULL,
    recipient        VARCHAR(254)  NOT NULL,
    -- RFC 5322 limits a header line to 998 characters
    subject          VARCHAR(998)  NOT NULL,
    body             MEDIUMTEXT    NOT NULL,
    status           VARCHAR(16)   NOT NULL DEFAULT 'PENDING',
    -- attempts started; a claimed row's next_attempt_at is pushed out by a lease first, so a sender
    -- that dies while sending leaves the row to be retried once the lease ends
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)   NOT NULL,
    -- why the last attempt failed (the SMTP answer or exception); never the body
    last_error       VARCHAR(500)  NULL,
    -- made at enqueue time and put on the message, so every attempt carries the same identity and a
    -- mail sent twice (relay accepted, then the server died before writing SENT) can be recognised
    message_id       VARCHAR(250)  NULL,
    created_at       DATETIME(3)   NOT NULL,
    sent_at          DATETIME(3)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_mail_outbox_message_id UNIQUE (message_id),
    CONSTRAINT fk_mail_outbox_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT ck_mail_outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT ck_mail_outbox_attempts CHECK (attempts >= 0),
    -- the sender's query: PENDING rows due now, oldest first
    KEY ix_mail_outbox_due (status, next_attempt_at),
    -- flood control: how many mails of some categories a recipient got recently
    KEY ix_mail_outbox_recipient (recipient, category, created_at),
    -- the purge of old SENT and FAILED rows
    KEY ix_mail_outbox_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
