-- Outbox.appendAll writes a transaction's events as multi-row inserts (reWriteBatchedInserts), whose
-- rows can share created_at's microsecond: seq breaks such ties in insertion order, so the relay still
-- publishes a transaction's events in the order they were appended.
alter table outbox_event add column seq bigint generated always as identity;

drop index outbox_event_unsent_idx;
create index outbox_event_unsent_idx on outbox_event (created_at, seq) where sent_at is null;
