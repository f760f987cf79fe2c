-- A field device's code is unique within its organisation, not across the service: two water
-- utilities may both call their first telemeter JS01. The organisation is kept on the device (it is
-- its facility's, which never moves) so that the database itself holds the rule.
ALTER TABLE field_device ADD COLUMN organisation_id BIGINT NULL AFTER facility_id;
UPDATE field_device d JOIN facility f ON f.id = d.facility_id SET d.organisation_id = f.organisation_id;
ALTER TABLE field_device MODIFY organisation_id BIGINT NOT NULL,
    DROP INDEX uq_field_device_code,
    ADD CONSTRAINT uq_field_device_organisation_code UNIQUE (organisation_id, code),
    ADD CONSTRAINT fk_field_device_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id);

-- The device API finds a device by its token alone (the SHA-256 of a 256-bit random token), before it
-- reads the request body; the code in the body is then only checked against the device found.
CREATE INDEX ix_field_device_token_hash ON field_device (token_hash);
