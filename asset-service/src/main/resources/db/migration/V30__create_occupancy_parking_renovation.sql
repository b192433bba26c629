-- People and what they hold: the person projection fed by user-service's owner events, occupancy
-- (unit <-> person links, history kept), vehicles, parking spaces and renovation filings. Every table
-- is tenant-owned under forced row-level security, and foreign keys include tenant_id (a referential
-- check bypasses row-level security), as in V1. Constraint names are a contract with the features'
-- ConstraintProblems beans, which turn a violation into a problem with a stable code.

-- the target of keys that also pin a row's project to its unit's project
alter table unit add constraint unit_tenant_project_id_unique unique (tenant_id, project_id, id);

-- A person as user-service publishes them (user.owner.*): id, display name, masked phone, never more.
create table person (
    id            uuid        primary key,
    tenant_id     uuid        not null,
    display_name  text        not null,
    phone_masked  text,
    category      text        not null,
    status        text        not null,
    -- user-service's updatedAt: an event older than this is stale and ignored
    source_updated_at timestamptz not null,
    received_at   timestamptz not null,
    constraint person_tenant_id_unique unique (tenant_id, id)
);

create table occupancy (
    id             uuid        primary key,
    version        bigint      not null,
    tenant_id      uuid        not null,
    project_id     uuid        not null,
    unit_id        uuid        not null,
    person_id      uuid        not null,
    role           text        not null,
    primary_payer  boolean     not null,
    move_in        date        not null,
    move_out       date,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint occupancy_tenant_id_unique unique (tenant_id, id),
    constraint occupancy_unit_fk foreign key (tenant_id, project_id, unit_id)
        references unit (tenant_id, project_id, id),
    constraint occupancy_person_fk foreign key (tenant_id, person_id) references person (tenant_id, id),
    constraint occupancy_period_valid check (move_out is null or move_out >= move_in)
);

-- one primary payer per unit among its current occupants; an ended link (move_out set) is history
create unique index occupancy_one_primary_payer on occupancy (tenant_id, unit_id)
    where primary_payer and move_out is null;
-- a person holds a unit once at a time; a new stay after moving out is a new row
create unique index occupancy_person_current on occupancy (tenant_id, unit_id, person_id)
    where move_out is null;
create index occupancy_tenant_person on occupancy (tenant_id, person_id, move_out);
create index occupancy_tenant_unit on occupancy (tenant_id, unit_id, move_in);

create table vehicle (
    id          uuid        primary key,
    version     bigint      not null,
    tenant_id   uuid        not null,
    project_id  uuid        not null,
    unit_id     uuid        not null,
    person_id   uuid,
    plate       text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    constraint vehicle_plate_unique unique (tenant_id, plate),
    constraint vehicle_unit_fk foreign key (tenant_id, project_id, unit_id)
        references unit (tenant_id, project_id, id),
    constraint vehicle_person_fk foreign key (tenant_id, person_id) references person (tenant_id, id)
);

create index vehicle_tenant_unit on vehicle (tenant_id, unit_id);

create table parking_space (
    id            uuid        primary key,
    version       bigint      not null,
    tenant_id     uuid        not null,
    project_id    uuid        not null,
    zone          text        not null,
    number        text        not null,
    type          text        not null,
    status        text        not null,
    unit_id       uuid,
    occupancy_id  uuid,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    constraint parking_space_number_unique unique (tenant_id, project_id, zone, number),
    constraint parking_space_project_fk foreign key (tenant_id, project_id) references project (tenant_id, id),
    -- a null unit_id leaves the key unchecked (MATCH SIMPLE); a set one must be a unit of the project
    constraint parking_space_unit_fk foreign key (tenant_id, project_id, unit_id)
        references unit (tenant_id, project_id, id),
    constraint parking_space_occupancy_fk foreign key (tenant_id, occupancy_id) references occupancy (tenant_id, id)
);

create index parking_space_tenant_project on parking_space (tenant_id, project_id, zone, number);

-- 装修备案. The contractor's phone is kept masked only: asset-service holds no key to encrypt it, and
-- staff reach the contractor through the applicant; the full number is never stored nor logged.
create table renovation (
    id                       uuid           primary key,
    version                  bigint         not null,
    tenant_id                uuid           not null,
    project_id               uuid           not null,
    unit_id                  uuid           not null,
    applicant_id             uuid           not null,
    contractor_name          text           not null,
    contractor_phone_masked  text,
    starts_on                date           not null,
    ends_on                  date           not null,
    deposit                  numeric(19, 2) not null,
    status                   text           not null,
    reason                   text,
    decided_by               uuid,
    decided_at               timestamptz,
    completed_at             timestamptz,
    created_at               timestamptz    not null,
    updated_at               timestamptz    not null,
    constraint renovation_unit_fk foreign key (tenant_id, project_id, unit_id)
        references unit (tenant_id, project_id, id),
    constraint renovation_applicant_fk foreign key (tenant_id, applicant_id) references person (tenant_id, id),
    constraint renovation_period_valid check (ends_on >= starts_on),
    constraint renovation_deposit_valid check (deposit >= 0),
    constraint renovation_rejection_reasoned check (status <> 'REJECTED' or reason is not null)
);

create index renovation_tenant_project_status on renovation (tenant_id, project_id, status);
create index renovation_tenant_unit on renovation (tenant_id, unit_id, created_at);

alter table person enable row level security;
alter table person force row level security;
create policy person_tenant_isolation on person
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table occupancy enable row level security;
alter table occupancy force row level security;
create policy occupancy_tenant_isolation on occupancy
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table vehicle enable row level security;
alter table vehicle force row level security;
create policy vehicle_tenant_isolation on vehicle
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table parking_space enable row level security;
alter table parking_space force row level security;
create policy parking_space_tenant_isolation on parking_space
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table renovation enable row level security;
alter table renovation force row level security;
create policy renovation_tenant_isolation on renovation
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
