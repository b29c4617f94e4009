-- The connecting account must be able to switch to orca_app. A superuser (PGlite, or postgres
-- in development) always can; an ordinary owner account needs the role granted.
DO $$
BEGIN
  EXECUTE format('GRANT orca_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN
  NULL;
END
$$;
--> statement-breakpoint
-- The application role reads only the public columns of accounts, never password hashes.
REVOKE SELECT, INSERT, UPDATE, DELETE ON users FROM orca_app;
--> statement-breakpoint
GRANT SELECT (id, email, name, created_at) ON users TO orca_app;
--> statement-breakpoint
GRANT UPDATE (name) ON users TO orca_app;
--> statement-breakpoint
-- Sessions are read and written only by sign-in code, outside any tenant scope.
REVOKE SELECT, INSERT, UPDATE, DELETE ON sessions FROM orca_app;
