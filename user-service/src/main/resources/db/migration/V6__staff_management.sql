-- Staff management: project scope, technicians' skills and duty, password lifecycle, soft delete.
alter table staff_account
    add column projects             uuid[]      not null default '{}',
    add column skills               text[]      not null default '{}',
    add column on_duty              boolean     not null default false,
    add column must_change_password boolean     not null default false,
    add column password_changed_at  timestamptz,
    add column updated_at           timestamptz,
    add column deleted_at           timestamptz;

update staff_account set updated_at = created_at where updated_at is null;
alter table staff_account alter column updated_at set default now();
alter table staff_account alter column updated_at set not null;

-- a deleted account stays as history (status DELETED) but cannot log in, refresh or be listed
alter table staff_account drop constraint staff_account_status_known;
alter table staff_account
    add constraint staff_account_status_known check (status in ('ACTIVE', 'DISABLED', 'DELETED'));

-- deleting an account frees its username: uniqueness (regardless of case) holds among the living only
drop index staff_account_tenant_username_uq;
create unique index staff_account_tenant_username_uq on staff_account (tenant_id, lower(username))
    where status <> 'DELETED';
