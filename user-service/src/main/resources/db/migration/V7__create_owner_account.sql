-- Owners, residents and commercial tenants: the people who use the owners' app. Phone and ID number
-- are stored only encrypted (AES-256-GCM, key id inside the value), with a keyed hash for exact search
-- and the masked form lists show; the plain numbers never reach the database.
create table owner_account
(
    id                   uuid primary key,
    version              bigint       not null default 0,
    tenant_id            uuid         not null references tenant (id),
    display_name         varchar(200) not null,
    category             varchar(24)  not null,
    phone_cipher         text         not null,
    phone_hash           varchar(64)  not null,
    phone_masked         varchar(16)  not null,
    id_number_cipher     text,
    id_number_hash       varchar(64),
    id_number_masked     varchar(24),
    password_hash        varchar(200),
    must_change_password boolean      not null default false,
    password_changed_at  timestamptz,
    status               varchar(16)  not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    deleted_at           timestamptz,
    constraint owner_account_category_known check (category in ('OWNER', 'RESIDENT', 'COMMERCIAL_TENANT')),
    constraint owner_account_status_known check (status in ('ACTIVE', 'DISABLED', 'DELETED'))
);

-- one living account per phone in a tenant: the phone is the login name
create unique index owner_account_tenant_phone_uq on owner_account (tenant_id, phone_hash)
    where status <> 'DELETED';
create index owner_account_tenant_id_number_idx on owner_account (tenant_id, id_number_hash);
create index owner_account_tenant_created_idx on owner_account (tenant_id, created_at desc);

alter table owner_account enable row level security;
alter table owner_account force row level security;

create policy owner_account_tenant_isolation on owner_account
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
