-- Issue 15: /nic-changes and /trades on an index for each shape, agency first, with keyset paging on the
-- list's own order (TrackedTasks, TradeList say how each shape uses them).

-- Contact-change tasks: newest request first, tasks without a date last, the task's key as tie-breaker.
create index contact_change_task_list_ix on contact_change_task
    (agency_id, coalesce(date_request, '-infinity'::timestamptz) desc, ovh_account_id desc, task_id desc);
-- The default view: the tasks still pending, a small part of all tasks once most have settled.
create index contact_change_task_pending_ix on contact_change_task
    (agency_id, coalesce(date_request, '-infinity'::timestamptz) desc, ovh_account_id desc, task_id desc)
    where state not in ('done', 'refused', 'aborted', 'expired', 'error');
create index contact_change_task_state_ix on contact_change_task (agency_id, state);
-- The search looks in the domain and both nichandles, as one expression (TrackedTasks.SEARCH).
create index contact_change_task_search_ix on contact_change_task using gin
    ((coalesce(domain_name, '') || E'\n' || coalesce(from_account, '') || E'\n' || coalesce(to_account, ''))
     gin_trgm_ops);

-- Trades: awaiting approval first, then the newest (TradeList.ORDER_KEY).
create index trade_list_ix on trade
    (agency_id, (case when status = 'AWAITING_APPROVAL' then 1 else 0 end) desc, created_at desc, id desc);
create index trade_state_ix on trade (agency_id, status);
create index trade_search_ix on trade using gin (domain_name gin_trgm_ops);
create index trade_created_by_ix on trade (agency_id, created_by);
create index trade_submitted_by_ix on trade (agency_id, submitted_by);
create index trade_approved_by_ix on trade (agency_id, approved_by);

-- Audit: "the failures of one action" without walking every row of that action.
create index audit_event_agency_action_outcome_ix on audit_event (agency_id, action, outcome, occurred_at desc, id desc);
