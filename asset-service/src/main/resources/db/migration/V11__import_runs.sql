-- Imports at work (a dry run or a commit), one row each while they run. Outside row-level security on
-- purpose: any instance must find work another left behind when it stopped, whatever the tenant, as
-- the due scheduler finds its tenants; the row holds ids and progress only, never file content.
-- The import's own row stays tenant-scoped; a finished run's row is deleted with the outcome.

create table import_run (
    import_id    uuid        primary key,
    tenant_id    uuid        not null,
    phase        text        not null,
    rows_done    integer     not null default 0,
    rows_total   integer,
    note         text,
    attempts     integer     not null default 1,
    heartbeat_at timestamptz not null
);

create index import_run_heartbeat on import_run (heartbeat_at);
