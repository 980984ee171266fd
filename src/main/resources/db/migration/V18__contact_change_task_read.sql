-- When DomainDesk last read the task itself from OVHcloud. Null for a row written from changeContact's answer
-- alone (task ids only): its date_request is DomainDesk's own time until the poll reads OVHcloud's dateRequest.
alter table contact_change_task add column ovh_read_at timestamptz;
-- Rows the poll wrote carry the accounts OVHcloud told; the others are read once more.
update contact_change_task set ovh_read_at = last_seen_at where from_account is not null;
