-- Raw device readings, partitioned by time so that old months can be detached and dropped cheaply
-- and a query for a day touches one partition. Monthly partitions are created ahead by iot-service;
-- the default partition catches anything outside them rather than losing it.
create table reading (
    tenant_id   uuid        not null,
    device_id   text        not null,
    ts          timestamptz not null,
    metrics     jsonb       not null,
    received_at timestamptz not null default now()
) partition by range (ts);

create table reading_default partition of reading default;

create index reading_tenant_device_ts on reading (tenant_id, device_id, ts);

-- Messages that could not be stored, with why: kept for an operator, never blocking good ones.
create table quarantine (
    id          uuid        primary key,
    tenant_id   uuid,
    topic       text        not null,
    payload     text        not null,
    reason      text        not null,
    received_at timestamptz not null default now()
);

create index quarantine_received_at on quarantine (received_at);
