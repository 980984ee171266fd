-- Trades: an order left unpaid waits for its payment (AWAITING_PAYMENT), paying it is an intent (PAYING)
-- settled like the checkout; the owner OVHcloud finally set may be a copy of the requested contact.

alter table trade drop constraint trade_status_ck;
alter table trade add constraint trade_status_ck check (status in ('DRAFT', 'READY', 'AWAITING_APPROVAL',
    'CHECKING_OUT', 'UNKNOWN', 'ORDERED', 'AWAITING_PAYMENT', 'PAYING', 'IN_PROGRESS', 'DONE', 'FAILED',
    'CANCELLED'));

alter table trade add column payment_mean varchar(64);
alter table trade add column paid_by varchar(64);
alter table trade add column payment_started_at timestamptz;
alter table trade add column paid_at timestamptz;
alter table trade add column owner_contact_id_after varchar(32);

drop index trade_tracked_ix;
create index trade_tracked_ix on trade (status)
    where status in ('CHECKING_OUT', 'UNKNOWN', 'ORDERED', 'AWAITING_PAYMENT', 'PAYING', 'IN_PROGRESS');
