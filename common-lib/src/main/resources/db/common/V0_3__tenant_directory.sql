-- A service's local copy of user-service's tenants (the tenant directory read model), kept only by
-- services that turn it on (pms.tenant-directory.enabled): bootstrapped from user-service's internal
-- API and kept current by its user.tenant.* events. A technical table, deliberately NOT under
-- row-level security: it is looked up before any tenant is known (an MQTT topic's tenant code) and no
-- API reads it directly.
create table tenant_directory (
    id         uuid        primary key,
    code       text        not null unique,
    name       text        not null,
    status     text        not null,
    time_zone  text        not null,
    -- when the tenant last changed at user-service; an older copy never overwrites a newer one
    updated_at timestamptz not null
);
