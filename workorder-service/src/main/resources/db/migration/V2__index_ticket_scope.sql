-- Scoped reads: project-scoped staff list the tickets of their projects, owners their own. Both lead
-- with tenant_id like every index here, and end with created_at for the newest-first default page.
create index ticket_tenant_project_created on ticket (tenant_id, project_id, created_at desc);
create index ticket_tenant_reporter_created on ticket (tenant_id, reported_by, created_at desc);
