-- Signing keys rotate: when a key stopped signing (it stays published until every token it signed
-- has expired) and when it was retired (no longer published nor trusted).
alter table signing_key
    add column superseded_at timestamptz,
    add column retired_at    timestamptz;

-- Private keys are stored encrypted (FieldCipher, "v1.<keyId>.<…>"), never in plain text. SQL cannot
-- encrypt them, so the service converts rows written before this migration on its next start; NOT
-- VALID holds every new or changed row to the rule without failing on those old rows meanwhile.
alter table signing_key
    add constraint signing_key_private_key_encrypted check (private_key like 'v1.%') not valid;

comment on column signing_key.private_key is 'PKCS#8, base64, encrypted with FieldCipher (purpose signing-key)';
