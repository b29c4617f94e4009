-- The application role that tenant queries run as. Roles are cluster-wide on PostgreSQL, and
-- several Orca databases (or processes migrating at once) may share one server: create it only
-- when it is missing, and treat a concurrent creation as success.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'orca_app') THEN
    CREATE ROLE orca_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
-- An unset local setting reads as '' rather than NULL, hence nullif before the cast.
CREATE OR REPLACE FUNCTION orca_current_workspace() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.workspace_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION orca_current_user() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO orca_app;
--> statement-breakpoint
-- Tables created by later migrations are usable by the role; their policies decide which rows.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO orca_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO orca_app;
