-- What an owners import's preparation matched or created in user-service, row by row: the person each
-- row stands for. A resumed or retried commit skips the rows already here, and the commit's own
-- transaction reads them to link occupancy. Goes with its import.

create table import_person (
    tenant_id  uuid    not null,
    import_id  uuid    not null,
    row_number integer not null,
    person_id  uuid    not null,
    constraint import_person_pk primary key (tenant_id, import_id, row_number),
    constraint import_person_job_fk foreign key (tenant_id, import_id)
        references import_job (tenant_id, id) on delete cascade
);

alter table import_person enable row level security;
alter table import_person force row level security;
create policy import_person_tenant_isolation on import_person
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
