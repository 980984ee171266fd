-- Custom OVHcloud base URLs a platform admin added on /admin/endpoints, beside those of the operator's
-- properties (domaindesk.ovh-endpoints.custom.<name>). Agency admins pick them by name, never type a URL.
create table ovh_custom_endpoint (
    name varchar(40) not null,
    base_url varchar(500) not null,
    created_by varchar(64) not null,
    created_at timestamptz not null default now(),
    constraint ovh_custom_endpoint_pk primary key (name)
);
