-- Issue 15: every shape of the /domains list on an index, at 100,000 domains per agency and
-- 1,000,000 on the platform (DomainSearch says how each shape uses them).

-- Search: the 1-, 2- and 3-character pieces of the accent-free search text, each prefixed by the
-- agency's id. A search of one or two characters ("a", "ca") is one element; a longer one is
-- the set of its three-character pieces, checked with LIKE afterwards. The prefix keeps a
-- search inside its agency's rows (a trigram index over every agency made the planner read the
-- matches of all ten agencies and throw nine tenths away), and the statistics below give the
-- planner each piece's real frequency (pg_trgm's LIKE estimate is a fixed guess), which is what
-- lets it walk the sort order for "a" and use the index for "zq".
create function domain_search_grams(agency bigint, search_text text) returns text[]
    language sql immutable strict parallel safe
as $$
  select array(select agency::text || ':' || substr(search_text, i, n)
               from generate_series(1, length(search_text)) i, generate_series(1, 3) n
               where i + n - 1 <= length(search_text))
$$;

drop index domain_search_trgm_ix;
create index domain_search_grams_ix on domain using gin (domain_search_grams(agency_id, search_text))
    where gone_at is null;
create statistics domain_search_grams_st on (domain_search_grams(agency_id, search_text)) from domain;

-- One index per sort order, agency first, the domain's name last (the keyset's tie-breaker).
-- Expiry keeps domains without a date last in both directions: one index per direction, each
-- with the stand-in for null that sorts last when read that way.
create index domain_list_name_ix on domain (agency_id, unicode_name, name) where gone_at is null;
create index domain_list_expiry_asc_ix on domain (agency_id, coalesce(expires_at, 'infinity'::timestamptz), name)
    where gone_at is null;
create index domain_list_expiry_desc_ix on domain (agency_id, coalesce(expires_at, '-infinity'::timestamptz), name)
    where gone_at is null;
create index domain_list_state_ix on domain (agency_id, coalesce(state, ''), name) where gone_at is null;
-- The planner reads no statistics from partial indexes: without these, "coalesce(state, '') = 'ok'"
-- (90 % of the rows) is guessed at 0.5 % and the count of a combined filter walks every 'ok' row.
create statistics domain_list_keys_st on (coalesce(state, '')), (coalesce(expires_at, 'infinity'::timestamptz)),
    (coalesce(expires_at, '-infinity'::timestamptz)) from domain;

-- The two check-box filters and the gone list: small parts of an agency.
create index domain_list_pending_ix on domain (agency_id) where pending_operations > 0 and gone_at is null;
create index domain_list_drift_ix on domain (agency_id) where external_change_at is not null and gone_at is null;
create index domain_list_gone_ix on domain (agency_id, unicode_name) where gone_at is not null;

-- A sync rewrites every row of the agency (last_synced_at); with room left on each page the new
-- version stays on its page and, its indexed columns unchanged, touches no index (a HOT update),
-- so a full sync of one agency does not rebuild index entries that other agencies' lists read.
alter table domain set (fillfactor = 80);
