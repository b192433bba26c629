-- How far PersonSync has copied each tenant's people from user-service's internal listing: the newest
-- updatedAt it stored (the next run asks from there, less a margin), and when it last finished a run.
-- Outside row-level security like schedule_tenant and import_run: the sync visits every tenant, and the
-- row holds ids and timestamps only, never a person's data.

create table person_sync (
    tenant_id    uuid        primary key,
    synced_until timestamptz,
    checked_at   timestamptz not null
);
