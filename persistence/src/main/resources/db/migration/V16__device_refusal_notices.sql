-- Sign-ins refused for want of a free device slot are mailed at most once an hour per user: the
-- refusals since the last notice, and when that notice went out.
ALTER TABLE app_user
    ADD COLUMN device_refusals INT NOT NULL DEFAULT 0,
    ADD COLUMN device_refusal_mailed_at DATETIME(3) NULL;
