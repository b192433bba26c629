-- Bulk imports (Excel/CSV) of registry sheets: the uploaded file, its status and counts, and every
-- problem its dry run found. Tenant-owned under forced row-level security like the registry itself;
-- an import belongs to a project and goes with it.

create table import_job (
    id            uuid        primary key,
    version       bigint      not null,
    tenant_id     uuid        not null,
    project_id    uuid        not null,
    sheet         text        not null,
    file_name     text        not null,
    format        text        not null,
    status        text        not null,
    row_count     integer     not null,
    to_create     integer     not null,
    to_update     integer     not null,
    unchanged     integer     not null,
    error_count   integer     not null,
    created_by    uuid        not null,
    created_at    timestamptz not null,
    finished_at   timestamptz,
    constraint import_job_tenant_id_unique unique (tenant_id, id),
    constraint import_job_project_fk foreign key (tenant_id, project_id)
        references project (tenant_id, id) on delete cascade
);

create index import_job_tenant_project on import_job (tenant_id, project_id, created_at);

-- the file apart from the job row, so reading a job's status never drags its content along
create table import_file (
    import_id  uuid  primary key,
    tenant_id  uuid  not null,
    content    bytea not null,
    constraint import_file_job_fk foreign key (tenant_id, import_id)
        references import_job (tenant_id, id) on delete cascade
);

create index import_file_tenant on import_file (tenant_id, import_id);

create table import_problem (
    tenant_id   uuid    not null,
    import_id   uuid    not null,
    seq         integer not null,
    sheet       text    not null,
    row_number  integer not null,
    column_name text,
    reason      text    not null,
    constraint import_problem_pk primary key (tenant_id, import_id, seq),
    constraint import_problem_job_fk foreign key (tenant_id, import_id)
        references import_job (tenant_id, id) on delete cascade
);

alter table import_job enable row level security;
alter table import_job force row level security;
create policy import_job_tenant_isolation on import_job
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table import_file enable row level security;
alter table import_file force row level security;
create policy import_file_tenant_isolation on import_file
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table import_problem enable row level security;
alter table import_problem force row level security;
create policy import_problem_tenant_isolation on import_problem
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
