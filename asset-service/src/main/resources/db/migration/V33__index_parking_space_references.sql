-- A parking space's unit and occupancy are foreign keys: without an index on the referencing columns,
-- every unit or stay deleted (a project's units removed, a stay corrected) scans all parking spaces to
-- check nothing still points at it.
create index parking_space_tenant_unit on parking_space (tenant_id, project_id, unit_id) where unit_id is not null;
create index parking_space_tenant_occupancy on parking_space (tenant_id, occupancy_id) where occupancy_id is not null;
