-- /clients on an index for every shape (ClientList says how each uses them).
-- Next expiry, newest first, keeps clients without a date last: the ascending index read backwards gives
-- them first, so the descending order has an index of its own (read backwards, it also serves the
-- ascending order's last pages, which ClientList reads from the other end).
create index client_agency_expiry_desc_ix on client (agency_id, next_expiry desc nulls last, id desc);
-- The trigram index over every agency's clients served only searches of three characters or more, and for
-- those made the planner read the matches of every agency; the list's search reads its agency's clients by
-- an agency-first index instead (30,000 at most: a few milliseconds), and the first grouping of a sync no
-- longer writes 30,000 rows into a trigram index.
drop index client_search_trgm_ix;
