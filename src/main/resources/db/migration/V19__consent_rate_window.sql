-- Requests to the public consent page per client address (IPv4 address, IPv6 /64) and minute, shared by every
-- instance. Windows before the current minute are deleted by ConsentRateLimit's purge.
create table consent_rate_window (
    address varchar(64) not null,
    window_start timestamptz not null,
    requests integer not null,
    constraint consent_rate_window_pk primary key (address, window_start)
);
