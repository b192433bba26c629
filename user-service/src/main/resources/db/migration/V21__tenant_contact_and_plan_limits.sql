-- What a platform operator records about a tenant beyond its code and name: whom to call, and the
-- plan's limits (null = unlimited). The contact phone is personal data, stored only encrypted
-- (FieldCipher, purpose tenant-contact-phone); lists show it masked.
alter table tenant
    add column contact_name  varchar(100),
    add column contact_phone text,
    add column contact_email varchar(254),
    add column max_projects  integer,
    add column max_units     integer,
    add constraint tenant_contact_phone_encrypted check (contact_phone is null or contact_phone like 'v1.%'),
    add constraint tenant_max_projects_positive check (max_projects is null or max_projects > 0),
    add constraint tenant_max_units_positive check (max_units is null or max_units > 0);
