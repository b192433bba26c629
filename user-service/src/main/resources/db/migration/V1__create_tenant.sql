-- The tenant directory: a technical table, deliberately not under row-level security. Login reads it
-- by code before any tenant is known, and only this service's own code queries it.
create table tenant
(
    id         uuid primary key,
    code       varchar(63)  not null,
    name       varchar(200) not null,
    status     varchar(16)  not null,
    time_zone  varchar(64)  not null default 'Asia/Shanghai',
    created_at timestamptz  not null,
    version    bigint       not null default 0,
    constraint tenant_code_format check (code ~ '^[a-z][a-z0-9-]{1,62}$'),
    constraint tenant_status_known check (status in ('ACTIVE', 'SUSPENDED'))
);

create unique index tenant_code_uq on tenant (code);
