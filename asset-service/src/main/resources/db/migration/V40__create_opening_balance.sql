-- Opening balances (期初欠费): the arrears a company brings from its old system, per unit, fee item and
-- month, as imported, until billing-service takes them over (asset.opening-balance.recorded).
-- Tenant-owned under forced row-level security; the key onto the unit includes tenant_id and pins the
-- row's project to its unit's, as in V30. Constraint names are a contract with BalanceConstraints.

create table opening_balance (
    id           uuid           primary key,
    version      bigint         not null,
    tenant_id    uuid           not null,
    project_id   uuid           not null,
    unit_id      uuid           not null,
    -- as the company calls it (物业费, 水费, ...): billing maps these names to its fee items
    fee_item     text           not null,
    -- the month the arrears belong to, as its first day
    period       date           not null,
    amount       numeric(14, 2) not null,
    late_fee     numeric(14, 2),
    note         text,
    -- the import that last created or changed the row (by id only: an import is a record, not a parent)
    import_id    uuid           not null,
    imported_at  timestamptz    not null,
    created_at   timestamptz    not null,
    constraint opening_balance_key_unique unique (tenant_id, unit_id, fee_item, period),
    constraint opening_balance_unit_fk foreign key (tenant_id, project_id, unit_id)
        references unit (tenant_id, project_id, id),
    constraint opening_balance_fee_item_valid
        check (fee_item = btrim(fee_item) and char_length(fee_item) between 1 and 40),
    constraint opening_balance_period_month check (extract(day from period) = 1),
    constraint opening_balance_amount_positive check (amount > 0),
    constraint opening_balance_late_fee_valid check (late_fee is null or late_fee >= 0),
    constraint opening_balance_note_valid check (note is null or char_length(note) <= 200)
);

-- the list and the summary by project (and fee item, period)
create index opening_balance_tenant_project on opening_balance (tenant_id, project_id, fee_item, period);

alter table opening_balance enable row level security;
alter table opening_balance force row level security;
create policy opening_balance_tenant_isolation on opening_balance
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
