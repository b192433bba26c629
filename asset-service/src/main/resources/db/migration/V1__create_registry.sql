-- The property registry: regions group projects, projects hold buildings, buildings hold units. Every
-- table is tenant-owned under forced row-level security, like every tenant-owned table here.
--
-- The constraints are the last line of defence behind the service's own checks; their names are a
-- contract with RegistryConstraints, which turns a violation into a problem with a stable code.
-- Foreign keys include tenant_id: a referential check bypasses row-level security, so a plain
-- (id) key would let a row point at another tenant's parent.

create table region (
    id          uuid        primary key,
    version     bigint      not null,
    tenant_id   uuid        not null,
    name        text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    constraint region_tenant_id_unique unique (tenant_id, id),
    constraint region_name_unique unique (tenant_id, name)
);

create table project (
    id               uuid          primary key,
    version          bigint        not null,
    tenant_id        uuid          not null,
    region_id        uuid,
    code             text          not null,
    name             text          not null,
    type             text          not null,
    address          text,
    latitude         numeric(9, 6),
    longitude        numeric(9, 6),
    total_floor_area numeric(12, 2),
    contract_start   date,
    contract_end     date,
    status           text          not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    constraint project_tenant_id_unique unique (tenant_id, id),
    constraint project_code_unique unique (tenant_id, code),
    constraint project_region_fk foreign key (tenant_id, region_id) references region (tenant_id, id),
    constraint project_location_valid check (latitude between -90 and 90 and longitude between -180 and 180),
    constraint project_area_positive check (total_floor_area > 0),
    constraint project_contract_period_valid check (contract_end >= contract_start)
);

create index project_tenant_region on project (tenant_id, region_id);

create table building (
    id              uuid        primary key,
    version         bigint      not null,
    tenant_id       uuid        not null,
    project_id      uuid        not null,
    code            text        not null,
    name            text        not null,
    floors_above    integer     not null,
    floors_below    integer     not null,
    elevator_count  integer     not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    -- the target of unit's key: a unit's project is always its building's project
    constraint building_tenant_project_id_unique unique (tenant_id, project_id, id),
    constraint building_code_unique unique (tenant_id, project_id, code),
    constraint building_project_fk foreign key (tenant_id, project_id) references project (tenant_id, id),
    constraint building_floors_valid check (floors_above >= 1 and floors_below >= 0),
    constraint building_elevators_valid check (elevator_count >= 0)
);

create table unit (
    id            uuid          primary key,
    version       bigint        not null,
    tenant_id     uuid          not null,
    project_id    uuid          not null,
    building_id   uuid          not null,
    number        text          not null,
    floor         integer       not null,
    entrance      text,
    type          text          not null,
    gross_area    numeric(10, 2) not null,
    inner_area    numeric(10, 2),
    status        text          not null,
    handover_date date,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    constraint unit_number_unique unique (tenant_id, building_id, number),
    constraint unit_building_fk foreign key (tenant_id, project_id, building_id)
        references building (tenant_id, project_id, id),
    constraint unit_floor_not_zero check (floor <> 0),
    constraint unit_area_positive check (gross_area > 0 and (inner_area is null or inner_area > 0)),
    constraint unit_inner_within_gross check (inner_area is null or inner_area <= gross_area)
);

-- the tree reads a project's units in one query; the list filters by project, building and status
create index unit_tenant_project_building_floor on unit (tenant_id, project_id, building_id, floor, number);
create index unit_tenant_project_status on unit (tenant_id, project_id, status);

-- A unit's floor lies within its building: 1..floors_above above ground, -floors_below..-1 below.
-- A check constraint cannot look at another table, so triggers guard both sides; their messages
-- name the rule as a constraint violation would, which is how RegistryConstraints recognises them.
create function unit_floor_in_range() returns trigger language plpgsql as $$
declare
    above integer;
    below integer;
begin
    select floors_above, floors_below into above, below from building where id = new.building_id;
    if found and (new.floor > above or new.floor < -below) then
        raise exception 'new row for relation "unit" violates check constraint "unit_floor_in_range"'
            using errcode = 'check_violation', constraint = 'unit_floor_in_range';
    end if;
    return new;
end
$$;

create trigger unit_floor_in_range before insert or update of floor, building_id on unit
    for each row execute function unit_floor_in_range();

create function building_floors_cover_units() returns trigger language plpgsql as $$
begin
    if exists (select 1 from unit where building_id = new.id
               and (floor > new.floors_above or floor < -new.floors_below)) then
        raise exception 'update on relation "building" violates check constraint "building_floors_cover_units"'
            using errcode = 'check_violation', constraint = 'building_floors_cover_units';
    end if;
    return new;
end
$$;

create trigger building_floors_cover_units before update of floors_above, floors_below on building
    for each row execute function building_floors_cover_units();

alter table region enable row level security;
alter table region force row level security;
create policy region_tenant_isolation on region
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table project enable row level security;
alter table project force row level security;
create policy project_tenant_isolation on project
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table building enable row level security;
alter table building force row level security;
create policy building_tenant_isolation on building
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table unit enable row level security;
alter table unit force row level security;
create policy unit_tenant_isolation on unit
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
