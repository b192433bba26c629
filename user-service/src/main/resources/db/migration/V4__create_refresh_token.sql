-- Rotating refresh tokens, stored only as SHA-256 hashes. Technical, not under row-level security:
-- a refresh request carries no tenant, the stored row says which one it is. All tokens descending
-- from one login share a family, so a replayed token can revoke every one of them.
create table refresh_token
(
    id         uuid primary key,
    token_hash varchar(64) not null,
    family_id  uuid        not null,
    user_id    uuid        not null,
    tenant_id  uuid        not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);

create unique index refresh_token_hash_uq on refresh_token (token_hash);
create index refresh_token_family_idx on refresh_token (family_id);
-- for purging expired tokens
create index refresh_token_expires_idx on refresh_token (expires_at);
