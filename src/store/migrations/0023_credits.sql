-- Hand-written (issue 16, credits, usage and budgets; see docs/decisions/0024-credits-ledger.md).
-- A workspace's credits are a ledger: every movement is an entry, and the balance row holds the
-- running total. Every writer locks the balance row (SELECT … FOR UPDATE) before it appends, so
-- entries are numbered in order and always sum to the balance, on PGlite and PostgreSQL alike.
CREATE TABLE "credit_balances" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"plan" text NOT NULL,
	"balance" bigint NOT NULL,
	"reserved" bigint DEFAULT 0 NOT NULL,
	"period_allowance" bigint DEFAULT 0 NOT NULL,
	"allowance_left" bigint DEFAULT 0 NOT NULL,
	"period_started_at" timestamp (3) with time zone NOT NULL,
	"period_ends_at" timestamp (3) with time zone NOT NULL,
	"last_position" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credit_balances" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "credit_balances" ADD CONSTRAINT "credit_balances_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "credit_balances_in_current_workspace" ON "credit_balances" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());--> statement-breakpoint
-- Run, agent and workroom ids are kept without foreign keys: the ledger is history, and deleting
-- an agent must not rewrite what its runs cost.
CREATE TABLE "credit_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"position" bigint NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"balance_after" bigint NOT NULL,
	"run_id" uuid,
	"agent_id" uuid,
	"workroom_id" uuid,
	"actor_user_id" uuid,
	"reason" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credit_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_entries_workspace_position_unique" ON "credit_entries" USING btree ("workspace_id","position");--> statement-breakpoint
CREATE INDEX "credit_entries_workspace_created" ON "credit_entries" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "credit_entries_agent_created" ON "credit_entries" USING btree ("agent_id","created_at") WHERE "agent_id" is not null;--> statement-breakpoint
CREATE INDEX "credit_entries_workroom_created" ON "credit_entries" USING btree ("workroom_id","created_at") WHERE "workroom_id" is not null;--> statement-breakpoint
CREATE INDEX "credit_entries_run" ON "credit_entries" USING btree ("run_id") WHERE "run_id" is not null;--> statement-breakpoint
CREATE POLICY "credit_entries_in_current_workspace" ON "credit_entries" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());--> statement-breakpoint
-- What a run was reserved and charged. Settled once: `settled_at` is set in the statement that
-- claims the settlement, so a resumed worker or a second ending finds nothing left to settle.
CREATE TABLE "run_charges" (
	"run_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"workroom_id" uuid,
	"reserved" bigint NOT NULL,
	"charged" bigint,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reserved_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "run_charges" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "run_charges" ADD CONSTRAINT "run_charges_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "run_charges_in_current_workspace" ON "run_charges" AS PERMISSIVE FOR ALL TO "orca_app" USING (workspace_id = orca_current_workspace()) WITH CHECK (workspace_id = orca_current_workspace());--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "monthly_budget" bigint;--> statement-breakpoint
-- The plans and prices in force (ORCA_CREDITS_FILE / ORCA_CREDITS), published by each process
-- at boot so admission and settlement, wherever they run, price with the same book. One row;
-- the application role reads it and never writes it.
CREATE TABLE "credit_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_settings_one_row" CHECK ("id" = 1)
);
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON "credit_settings" FROM orca_app;
