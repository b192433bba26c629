-- One row per work-order ticket, projected from workorder-service's events: the facts every
-- work-order KPI is computed from. created_day is the local date in the tenant's time zone.
create table work_order (
    ticket_id   uuid        primary key,
    tenant_id   uuid        not null,
    project_id  uuid,
    kind        text        not null,
    category    text,
    created_at  timestamptz not null,
    created_day date        not null
);

create index work_order_tenant_day on work_order (tenant_id, created_day);

alter table work_order enable row level security;
alter table work_order force row level security;
create policy work_order_tenant_isolation on work_order
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
