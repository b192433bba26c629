-- Other services' copies of the tenant's people catch up through the internal owners listing, which
-- pages by (updated_at, id) within a tenant from where the copy stopped (updatedSince): this index
-- serves each page as a range scan instead of a sort of the tenant's people.
create index owner_account_tenant_updated_idx on owner_account (tenant_id, updated_at, id);
