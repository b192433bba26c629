-- The ledger number a property company gives each item (设备编号, e.g. DT-01-01): optional in the API,
-- the natural key of the equipment sheet, so an import matches the ledger by number rather than by
-- name. Unique within a project; items without a number (NULL) do not collide.

alter table equipment add column code text;

alter table equipment add constraint equipment_code_unique unique (tenant_id, project_id, code);
