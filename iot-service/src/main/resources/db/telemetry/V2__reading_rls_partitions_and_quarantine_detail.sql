-- Row-level security on readings, idempotent ingest, monthly partitions kept ahead, and the
-- quarantine's detail. ${appRole} is iot-service's telemetry application role (a Flyway placeholder).

-- One reading per device and instant: a message the broker redelivers is stored once
-- (ingest inserts with "on conflict do nothing"). Serves (tenant_id, device_id, ts) range scans too.
drop index reading_tenant_device_ts;
create unique index reading_tenant_device_ts on reading (tenant_id, device_id, ts);

-- The application roles see and write only the tenant of their transaction. FORCE makes the policy
-- bind the table owner too, when it goes through the parent.
alter table reading enable row level security;
alter table reading force row level security;
create policy reading_tenant_isolation on reading
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- A partition is a table of its own: a role querying it directly would not meet the parent's policy.
-- So every partition gets the same policy (enabled, not forced: the owner's partition upkeep below
-- moves rows out of the default partition) and loses the grants the schema's default privileges
-- give the application and reader roles; they reach readings through the parent only.
alter table reading_default enable row level security;
create policy reading_tenant_isolation on reading_default
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- Quarantined messages: the reason is a stable code, the detail says what exactly was wrong.
-- Ingest may write any row (a message of an unknown tenant has none); a tenant reads only its own.
-- Operators read it as the owner or an administrator.
alter table quarantine add column detail text;
alter table quarantine enable row level security;
alter table quarantine force row level security;
create policy quarantine_ingest on quarantine for insert with check (true);
create policy quarantine_tenant_read on quarantine for select
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- Creates the monthly partitions (UTC months) of reading from first_month on, for months months;
-- returns how many it created. Idempotent, and safe to run from several instances at once (an
-- advisory lock serialises them). Rows already in the default partition for a new month's range
-- (which would make attaching fail) are moved into the new partition first. Runs as the owner
-- (security definer), so the application role that calls it needs no DDL rights.
create function ensure_reading_partitions(first_month date, months integer)
    returns integer
    language plpgsql
    security definer
    set search_path = telemetry, pg_temp
as $$
declare
    month_start date;
    lower_bound timestamptz;
    upper_bound timestamptz;
    part        text;
    created     integer := 0;
    part_rel    record;
    member      record;
begin
    if months is null or months < 1 or months > 120 then
        raise exception 'months must be between 1 and 120, not %', months;
    end if;
    perform pg_advisory_xact_lock(hashtext('telemetry.ensure_reading_partitions'));
    for i in 0 .. months - 1 loop
        month_start := (date_trunc('month', first_month) + make_interval(months => i))::date;
        part := 'reading_p' || to_char(month_start, 'YYYYMM');
        continue when to_regclass(part) is not null;
        lower_bound := month_start::timestamp at time zone 'UTC';
        upper_bound := (month_start + interval '1 month')::timestamp at time zone 'UTC';
        -- nothing may land in the default partition between moving its rows and attaching
        lock table reading_default in access exclusive mode;
        execute format('create table %I (like reading including defaults including constraints)', part);
        execute format('insert into %I select * from reading_default where ts >= $1 and ts < $2', part)
            using lower_bound, upper_bound;
        delete from reading_default where ts >= lower_bound and ts < upper_bound;
        execute format('alter table reading attach partition %I for values from (%L) to (%L)', part,
                       to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00',
                       to_char(month_start + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
        execute format('alter table %I enable row level security', part);
        execute format('create policy reading_tenant_isolation on %I'
                       ' using (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)'
                       ' with check (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
                       part);
        created := created + 1;
    end loop;
    -- take back direct grants on partitions (default privileges, or a bootstrap granting on all tables)
    for part_rel in
        select c.oid::regclass as rel, c.relowner as owner
        from pg_inherits inh join pg_class c on c.oid = inh.inhrelid
        where inh.inhparent = 'reading'::regclass
    loop
        for member in
            select distinct acl.grantee as role
            from pg_class c, aclexplode(c.relacl) acl
            where c.oid = part_rel.rel and acl.grantee <> part_rel.owner
        loop
            if member.role = 0 then
                execute format('revoke all on %s from public', part_rel.rel);
            else
                -- regrole's text is already a quoted identifier where one is needed
                execute format('revoke all on %s from %s', part_rel.rel, member.role::regrole);
            end if;
        end loop;
    end loop;
    return created;
end
$$;

revoke all on function ensure_reading_partitions(date, integer) from public;
grant execute on function ensure_reading_partitions(date, integer) to ${appRole};

-- the previous, current and next two months; iot-service keeps them ahead from here on
select ensure_reading_partitions((date_trunc('month', now() at time zone 'UTC') - interval '1 month')::date, 4);
