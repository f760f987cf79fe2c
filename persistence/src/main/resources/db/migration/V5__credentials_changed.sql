-- When a user's password last changed: sessions signed in before it end (SessionGuardFilter).
ALTER TABLE app_user
    ADD COLUMN credentials_changed_at DATETIME(3) NULL;
