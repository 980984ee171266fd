-- The OVHcloud emulator's state, one jsonb document per object, kept apart from the app's schema.
create table object (
	kind text not null,
	id text not null,
	parties text[] not null default '{}',
	ref text,
	doc jsonb not null,
	constraint object_pk primary key (kind, id)
);

create index object_parties_idx on object using gin (parties);
create index object_kind_ref_idx on object (kind, ref);

create sequence object_id_seq start with 1000000;

create table credential (
	consumer_key text not null,
	application_key text not null,
	nichandle text,
	state text not null,
	doc jsonb not null,
	constraint credential_pk primary key (consumer_key)
);

create table mail (
	id bigserial,
	sent_at timestamptz not null,
	recipient text not null,
	subject text not null,
	kind text not null,
	task_id bigint,
	token text,
	party text,
	body text not null,
	constraint mail_pk primary key (id)
);

create index mail_recipient_idx on mail (recipient);
