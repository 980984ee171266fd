-- Login failures per client address (IPv4 address, IPv6 /64), beside the per-account counter in
-- login_attempt: an address that fails too often is refused for a while, whatever name it tries.
-- A table of its own, not a prefix in login_attempt.username: a typed username must never be able
-- to bump another address's counter.
create table login_attempt_address (
    address varchar(64) not null,
    failures integer not null default 0,
    window_started_at timestamptz not null,
    blocked_until timestamptz,
    constraint login_attempt_address_pk primary key (address)
);
