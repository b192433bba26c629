-- When a tenant last changed: carried by its user.tenant.* events and the internal tenant list, so
-- other services' read models can tell an older copy from a newer one.
alter table tenant add column updated_at timestamptz;
update tenant set updated_at = created_at;
alter table tenant alter column updated_at set not null;
