-- Idempotent consumers: each consumer records an event's id here in the same transaction as its effect,
-- so a redelivered event is acknowledged and skipped. Not under row-level security (technical table).
create table inbox_event (
    consumer    text        not null,
    event_id    uuid        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- for retention clean-ups by age
create index inbox_event_received_idx on inbox_event (received_at);
