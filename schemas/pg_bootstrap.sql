-- keqing's PostgreSQL bootstrap: what needs power that keqing's owner role should not keep, run once per
-- database by a superuser (docs/TEAMS.md, step 2; docs/SECURITY.md says why each line is here):
--
--   sudo -u postgres psql -v db=keqing -v owner=keqing -f /usr/share/keqing/pg_bootstrap.sql
--
-- It creates the three group roles, the owner role (LOGIN; never superuser or CREATEROLE — an owner
-- role that had CREATEROLE loses it) and the database owned by it, then, inside that database, takes
-- from PUBLIC (every role of the cluster) what it would otherwise hold there: CONNECT and TEMP, the
-- schema public, and the statistics, size and counter functions and catalog columns that tell how many
-- rows the tables hold and how fast they grow. The server's maintenance databases (postgres, template1)
-- lose PUBLIC's CONNECT too: statistics and locks read in any database show every database's sessions,
-- so a keqing cluster holds keqing's databases alone (docs/TEAMS.md). Running it again changes nothing;
-- it also brings a database made by an older keqing to this state.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- (Each role is made unless another session made it meanwhile: roles belong to the whole cluster.)
SELECT format('DO $r$ BEGIN CREATE ROLE %I %s; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $r$',
              r, CASE WHEN r = :'owner' THEN 'LOGIN' ELSE 'NOLOGIN' END)
  FROM unnest(ARRAY['keqing_admin', 'keqing_manager', 'keqing_rep', :'owner']) r
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) \gexec
SELECT format('ALTER ROLE %I NOCREATEROLE', rolname) FROM pg_roles WHERE rolname = :'owner' AND rolcreaterole
   AND NOT rolsuper \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', datname) FROM pg_database
 WHERE datname IN ('postgres', 'template1') AND has_database_privilege('public', datname, 'CONNECT') \gexec

\connect :"db"
SET client_min_messages = warning;
-- Only keqing's roles connect; nobody makes temporary objects (nothing in keqing needs them).
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"owner", keqing_admin, keqing_manager, keqing_rep;
REVOKE ALL ON SCHEMA public FROM PUBLIC;

-- Table sizes and row counts: the planner's estimates in pg_class, the statistics collector's counters
-- (pg_stat_user_tables, pg_stat_database …), relation and database sizes, the write-ahead log's position,
-- transaction ids (and the frozen-xid horizons that age() counts from) and who holds which lock. The owner
-- keeps pg_class and pg_database whole (pg_dump reads relpages).
REVOKE SELECT ON pg_catalog.pg_class FROM PUBLIC;
SELECT format('GRANT SELECT (%s) ON pg_catalog.pg_class TO PUBLIC', string_agg(quote_ident(attname), ', ' ORDER BY attnum))
  FROM pg_attribute WHERE attrelid = 'pg_catalog.pg_class'::regclass AND attnum > 0 AND NOT attisdropped
   AND attname NOT IN ('reltuples', 'relpages', 'relallvisible', 'relfrozenxid', 'relminmxid') \gexec
GRANT SELECT ON pg_catalog.pg_class TO :"owner";
REVOKE SELECT ON pg_catalog.pg_database FROM PUBLIC;
SELECT format('GRANT SELECT (%s) ON pg_catalog.pg_database TO PUBLIC', string_agg(quote_ident(attname), ', ' ORDER BY attnum))
  FROM pg_attribute WHERE attrelid = 'pg_catalog.pg_database'::regclass AND attnum > 0 AND NOT attisdropped
   AND attname NOT IN ('datfrozenxid', 'datminmxid') \gexec
GRANT SELECT ON pg_catalog.pg_database TO :"owner";
SELECT format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', p.oid::regprocedure)
  FROM pg_proc p
 WHERE p.pronamespace = 'pg_catalog'::regnamespace
   AND (p.proname LIKE 'pg\_stat\_get\_%' OR p.proname LIKE 'pg\_stat\_have\_%'
        OR p.proname IN ('pg_relation_size', 'pg_table_size', 'pg_indexes_size', 'pg_total_relation_size',
                         'pg_database_size', 'pg_tablespace_size', 'pg_current_wal_lsn', 'pg_current_wal_insert_lsn',
                         'pg_current_wal_flush_lsn', 'txid_current', 'txid_current_if_assigned',
                         'txid_current_snapshot', 'pg_current_xact_id', 'pg_current_xact_id_if_assigned',
                         'pg_current_snapshot', 'pg_lock_status', 'pg_blocking_pids', 'pg_xact_status', 'txid_status',
                         'pg_xact_commit_timestamp', 'pg_xact_commit_timestamp_origin', 'pg_last_committed_xact',
                         'pg_control_checkpoint', 'pg_control_system', 'pg_control_init', 'pg_control_recovery',
                         'pg_export_snapshot', 'pg_cancel_backend', 'pg_terminate_backend')
        OR (p.proname IN ('age', 'mxid_age') AND p.proargtypes[0] = 'xid'::regtype))
   AND has_function_privilege('public', p.oid, 'EXECUTE') \gexec
-- (age(xid) counts from the cluster's next transaction id, and any catalog row's xmin is an xid; an exported
-- snapshot's name counts its backend's transactions; cancelling another role's backend tells whether a
-- pid is one.) The owner exports snapshots for keqing's reads side by side.
GRANT EXECUTE ON FUNCTION pg_catalog.pg_export_snapshot() TO :"owner";
