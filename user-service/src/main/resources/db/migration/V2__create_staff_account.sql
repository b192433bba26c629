-- Staff and platform operators. Tenant-owned: row-level security is forced, so even this table's
-- owner sees only the rows of the tenant set for the transaction (app.tenant_id), and a transaction
-- without a tenant sees none.
create table staff_account
(
    id            uuid primary key,
    tenant_id     uuid         not null references tenant (id),
    username      varchar(64)  not null,
    password_hash varchar(200) not null,
    display_name  varchar(200) not null,
    kind          varchar(16)  not null,
    roles         text[]       not null default '{}',
    status        varchar(16)  not null,
    created_at    timestamptz  not null,
    version       bigint       not null default 0,
    constraint staff_account_kind_known check (kind in ('STAFF', 'OPERATOR')),
    constraint staff_account_status_known check (status in ('ACTIVE', 'DISABLED'))
);

-- usernames are unique per tenant regardless of case; the index also serves every tenant-scoped lookup
create unique index staff_account_tenant_username_uq on staff_account (tenant_id, lower(username));

alter table staff_account enable row level security;
alter table staff_account force row level security;

create policy staff_account_tenant_isolation on staff_account
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
