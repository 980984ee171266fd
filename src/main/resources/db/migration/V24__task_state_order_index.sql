-- Issue 15: one state (todo, error, …) is a range of its own in the list's order, so that its page is the first rows
-- of this index. On (agency_id, state) alone, a rare state's page walked 2,000 tasks of every state, found too few
-- (50 todo of 2,000) and then collected and sorted every task of that state: /nic-changes?state=todo p95 52.9 ms at
-- 100,000 tasks, the only list shape over 50 ms. Its prefix serves the counts the old index served.
create index contact_change_task_state_order_ix on contact_change_task
    (agency_id, state, coalesce(date_request, '-infinity'::timestamptz) desc, ovh_account_id desc, task_id desc);
drop index contact_change_task_state_ix;
