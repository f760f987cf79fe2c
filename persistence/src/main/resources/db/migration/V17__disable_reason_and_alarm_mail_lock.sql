-- Disabling an alarm definition or a communication-loss supervision needs a reason, as shelving does:
-- kept with the setting while it is disabled (the settings page shows it) and in the operation record.
ALTER TABLE alarm_definition ADD COLUMN disable_reason VARCHAR(500) NULL AFTER enabled;
ALTER TABLE device_alarm_setting ADD COLUMN disable_reason VARCHAR(500) NULL AFTER enabled;

-- Alarm-mail flood control: a transaction that mails an address first locks its row here (inserting it
-- the first time) and keeps the lock until it commits, so two batches raising alarms at once take turns
-- and each counts the mails the other committed before deciding between a mail and the digest.
CREATE TABLE alarm_mail_recipient (
    recipient      VARCHAR(254) NOT NULL,
    last_locked_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (recipient)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
