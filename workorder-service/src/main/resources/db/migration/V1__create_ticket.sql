-- Repair, complaint and suggestion tickets. Tenant-owned: row-level security makes another tenant's
-- tickets invisible even to a query that forgets its filter.
create table ticket (
    id           uuid        primary key,
    version      bigint      not null,
    tenant_id    uuid        not null,
    project_id   uuid,
    unit_id      uuid,
    kind         text        not null,
    category     text,
    description  text        not null,
    status       text        not null,
    reported_by  uuid        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create index ticket_tenant_created on ticket (tenant_id, created_at desc);
create index ticket_tenant_status on ticket (tenant_id, status);

alter table ticket enable row level security;
alter table ticket force row level security;
create policy ticket_tenant_isolation on ticket
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
