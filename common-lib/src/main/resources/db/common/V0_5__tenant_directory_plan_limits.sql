-- The tenant's plan limits as user-service sets them (asset-service enforces them). Null is unlimited,
-- which is also what rows copied before the limits travelled hold until the next listing or event
-- brings them (the bootstrap rewrites a copy of equal age, so a restart fills them in).
alter table tenant_directory add column max_projects integer;
alter table tenant_directory add column max_units integer;
