-- Who may read a mail in the sandbox's mailbox page: the recipient and the accounts the mail's task is visible to
-- (a contact change's asking, old and new accounts; a trade's domain contacts). The page shows a DomainDesk user
-- only the mails of their agency's accounts.
alter table mail add column audience text[] not null default '{}';
update mail m set audience = array(select distinct x from unnest(array[m.recipient] || coalesce(
    (select o.parties from object o where o.id = m.task_id::text and o.kind in ('contactChange', 'domainTask')),
    '{}')) as x);
create index mail_audience_idx on mail using gin (audience);
