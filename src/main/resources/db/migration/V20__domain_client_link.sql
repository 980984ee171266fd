-- The client a domain is filed under moves out of the wide domain table into a narrow link of its own.
-- On domain, setting client_id on 100,000 freshly synced rows was 100,000 non-HOT updates, each one a new
-- row version with entries in every index of the table (two of them GIN): the first grouping after a
-- first sync cost 24 % of the sync. Here a link is a three-column row with two b-tree entries, written
-- once per domain in one statement. The domains module still owns it (its list filters by client).
create table domain_client (
    agency_id bigint not null,
    domain_id bigint not null,
    client_id bigint not null,
    -- One client per domain; the domain's id also serves the cascade when a domain row is deleted.
    constraint domain_client_pk primary key (domain_id),
    constraint domain_client_domain_fk foreign key (domain_id) references domain (id) on delete cascade
);
-- The /domains client filter, the client page and the list's live figures: agency first, like every list index.
create index domain_client_client_ix on domain_client (agency_id, client_id, domain_id);

insert into domain_client (agency_id, domain_id, client_id)
select agency_id, id, client_id from domain where client_id is not null;

drop index domain_agency_client_ix;
alter table domain drop column client_id;
