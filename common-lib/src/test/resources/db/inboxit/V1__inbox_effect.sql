-- The effect InboxIT's handlers apply. Tenant-owned and under row-level security like any service
-- table, so a handler only succeeds if the consumer set the tenant from the envelope. No key on
-- event_id on purpose: a second application of an event would show as a second row.
create table inbox_effect (
    event_id   uuid        not null,
    tenant_id  uuid        not null,
    applied_at timestamptz not null default now()
);

alter table inbox_effect enable row level security;

create policy inbox_effect_tenant on inbox_effect
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
