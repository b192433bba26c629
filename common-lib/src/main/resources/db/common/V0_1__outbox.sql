-- Transactional outbox: services insert events here in the same transaction as the state change; the
-- relay publishes them to RabbitMQ with publisher confirms and marks them sent.
-- Deliberately NOT under row-level security: a technical table no API reads, and the relay must see
-- every tenant's rows.
create table outbox_event (
    event_id        uuid        primary key,
    type            text        not null,
    schema_version  integer     not null,
    tenant_id       uuid        not null,
    project_id      uuid,
    aggregate_id    uuid        not null,
    occurred_at     timestamptz not null,
    payload         jsonb       not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz,
    last_error      text,
    -- clock_timestamp(), not now(): events of one transaction keep their insertion order
    created_at      timestamptz not null default clock_timestamp()
);

-- the relay's claim query and the lag gauge only ever look at unsent rows
create index outbox_event_unsent_idx on outbox_event (created_at) where sent_at is null;
