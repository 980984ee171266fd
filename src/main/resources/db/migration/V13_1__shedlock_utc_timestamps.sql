-- ShedLock with usingDbTime() writes and compares timezone('utc', CURRENT_TIMESTAMP), a
-- timestamp WITHOUT time zone. Stored in timestamptz columns, that UTC wall time was read
-- in each connection's session zone (the JVM's default, now domaindesk.time-zone), so an
-- instance in another zone, or any reader of the table, saw the locks an hour or more off.
-- ShedLock's own schema for PostgreSQL uses plain timestamps: every value is UTC.
alter table shedlock
    alter column lock_until type timestamp using lock_until at time zone 'UTC',
    alter column locked_at type timestamp using locked_at at time zone 'UTC';

comment on column shedlock.lock_until is 'UTC, written by ShedLock from the database clock';
comment on column shedlock.locked_at is 'UTC, written by ShedLock from the database clock';
