#!/bin/sh
# Runs once, as PostgreSQL's superuser, when the db container initialises an empty data directory
# (docker-entrypoint-initdb.d). It creates DomainDesk's two roles (docs/audit.md, README "Production"):
#   domaindesk_owner  owns the database's schema; Flyway migrates with it (SPRING_FLYWAY_USER)
#   domaindesk_app    the application (SPRING_DATASOURCE_USERNAME): no superuser, owns nothing, and the
#                     migrations grant it read/write on its tables but only SELECT/INSERT on the audit trail
# Neither role is a superuser, and the application's role is not a member of the owner's.
set -eu
: "${DOMAINDESK_DB_OWNER_PASSWORD:?set DOMAINDESK_DB_OWNER_PASSWORD in .env}"
: "${DOMAINDESK_DB_APP_PASSWORD:?set DOMAINDESK_DB_APP_PASSWORD in .env}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v owner_password="$DOMAINDESK_DB_OWNER_PASSWORD" -v app_password="$DOMAINDESK_DB_APP_PASSWORD" \
     -f /docker-entrypoint-initdb.d/02-domaindesk-roles.sql.in
