-- The equipment ledger (设备台账), its maintenance plans, patrol routes (巡检/巡更), and what the
-- scheduler needs to announce each due occurrence exactly once. Tenant-owned tables are under forced
-- row-level security like the registry's; foreign keys include tenant_id for the same reason (a
-- referential check bypasses row-level security). Constraint names are a contract with
-- LedgerConstraints, which answers a violation with the service's own problem code.

create table equipment (
    id                      uuid        primary key,
    version                 bigint      not null,
    tenant_id               uuid        not null,
    project_id              uuid        not null,
    building_id             uuid,
    category                text        not null,
    name                    text        not null,
    brand                   text,
    model                   text,
    serial_number           text,
    floor                   integer,
    location                text,
    install_date            date,
    warranty_end            date,
    status                  text        not null,
    maintenance_cycle_days  integer,
    -- what the printed QR label encodes: random and unguessable, so a label reveals nothing, and
    -- unique across tenants so a scanned code names one item wherever it is looked up
    qr_code                 text        not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    constraint equipment_tenant_id_unique unique (tenant_id, id),
    constraint equipment_qr_code_unique unique (qr_code),
    constraint equipment_project_fk foreign key (tenant_id, project_id) references project (tenant_id, id),
    -- the building, where named, is one of the equipment's project
    constraint equipment_building_fk foreign key (tenant_id, project_id, building_id)
        references building (tenant_id, project_id, id),
    constraint equipment_cycle_positive check (maintenance_cycle_days > 0),
    constraint equipment_warranty_after_install check (warranty_end >= install_date)
);

create index equipment_tenant_project_category on equipment (tenant_id, project_id, category, status);
create index equipment_tenant_warranty on equipment (tenant_id, warranty_end);

-- A plan is for one item (equipment_id) or for a category of items within its project (category).
create table maintenance_plan (
    id             uuid        primary key,
    version        bigint      not null,
    tenant_id      uuid        not null,
    project_id     uuid        not null,
    equipment_id   uuid,
    category       text,
    name           text        not null,
    cycle_kind     text        not null,
    interval_days  integer,
    day_of_month   integer,
    cron           text,
    starts_on      date        not null,
    checklist      text[]      not null,
    skill          text        not null,
    lead_seconds   bigint      not null,
    next_due_at    timestamptz not null,
    active         boolean     not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    -- an item's plans go with it
    constraint maintenance_plan_equipment_fk foreign key (tenant_id, equipment_id)
        references equipment (tenant_id, id) on delete cascade,
    constraint maintenance_plan_project_fk foreign key (tenant_id, project_id) references project (tenant_id, id),
    constraint maintenance_plan_target check ((equipment_id is null) <> (category is null)),
    constraint maintenance_plan_lead_valid check (lead_seconds >= 0)
);

create index maintenance_plan_tenant_project on maintenance_plan (tenant_id, project_id);
create index maintenance_plan_tenant_equipment on maintenance_plan (tenant_id, equipment_id);
create index maintenance_plan_tenant_due on maintenance_plan (tenant_id, next_due_at) where active;

create table patrol_route (
    id             uuid        primary key,
    version        bigint      not null,
    tenant_id      uuid        not null,
    project_id     uuid        not null,
    name           text        not null,
    cycle_kind     text        not null,
    interval_days  integer,
    day_of_month   integer,
    cron           text,
    times_of_day   text,
    starts_on      date        not null,
    skill          text,
    role           text,
    lead_seconds   bigint      not null,
    next_due_at    timestamptz not null,
    active         boolean     not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint patrol_route_tenant_id_unique unique (tenant_id, id),
    constraint patrol_route_name_unique unique (tenant_id, project_id, name),
    constraint patrol_route_project_fk foreign key (tenant_id, project_id) references project (tenant_id, id),
    constraint patrol_route_walker check (skill is not null or role is not null),
    constraint patrol_route_lead_valid check (lead_seconds >= 0)
);

create index patrol_route_tenant_project on patrol_route (tenant_id, project_id);
create index patrol_route_tenant_due on patrol_route (tenant_id, next_due_at) where active;

-- A route's checkpoints in walking order; the code is what the checkpoint's QR label or NFC tag holds.
create table patrol_checkpoint (
    tenant_id  uuid    not null,
    route_id   uuid    not null,
    position   integer not null,
    code       text    not null,
    location   text    not null,
    primary key (route_id, position),
    constraint patrol_checkpoint_code_unique unique (tenant_id, code),
    constraint patrol_checkpoint_route_fk foreign key (tenant_id, route_id)
        references patrol_route (tenant_id, id) on delete cascade
);

-- One row per announced occurrence of a plan or route. The unique key makes a second announcement of
-- the same occurrence impossible, whatever happens to the scheduler's Redis lock. No foreign key: the
-- record outlives a deleted plan, as a history of what was announced.
create table schedule_occurrence (
    tenant_id     uuid        not null,
    schedule_id   uuid        not null,
    kind          text        not null,
    due_at        timestamptz not null,
    announced_at  timestamptz not null,
    constraint schedule_occurrence_unique primary key (schedule_id, due_at)
);

create index schedule_occurrence_tenant on schedule_occurrence (tenant_id, schedule_id);

-- The tenants that have ever had a plan or route: the scheduler's list of tenants to visit, one at a
-- time with that tenant set. A technical table outside row-level security (it holds nothing but
-- ids), filled by triggers so no write path can forget it.
create table schedule_tenant (
    tenant_id  uuid primary key
);

create function schedule_tenant_remember() returns trigger language plpgsql as $$
begin
    insert into schedule_tenant (tenant_id) values (new.tenant_id) on conflict do nothing;
    return new;
end
$$;

create trigger maintenance_plan_schedule_tenant after insert on maintenance_plan
    for each row execute function schedule_tenant_remember();
create trigger patrol_route_schedule_tenant after insert on patrol_route
    for each row execute function schedule_tenant_remember();

alter table equipment enable row level security;
alter table equipment force row level security;
create policy equipment_tenant_isolation on equipment
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table maintenance_plan enable row level security;
alter table maintenance_plan force row level security;
create policy maintenance_plan_tenant_isolation on maintenance_plan
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table patrol_route enable row level security;
alter table patrol_route force row level security;
create policy patrol_route_tenant_isolation on patrol_route
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table patrol_checkpoint enable row level security;
alter table patrol_checkpoint force row level security;
create policy patrol_checkpoint_tenant_isolation on patrol_checkpoint
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table schedule_occurrence enable row level security;
alter table schedule_occurrence force row level security;
create policy schedule_occurrence_tenant_isolation on schedule_occurrence
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
