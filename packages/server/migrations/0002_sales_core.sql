CREATE TABLE "activities" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer,
	"outcome" text,
	"next_follow_up_at" timestamp with time zone,
	"location_address" text,
	"latitude" double precision,
	"longitude" double precision,
	"lead_id" uuid,
	"account_id" uuid,
	"contact_id" uuid,
	"opportunity_id" uuid,
	"owner_id" uuid NOT NULL,
	CONSTRAINT "activities_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text NOT NULL,
	"company" text,
	"title" text,
	"email" text,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"wechat" text,
	"source" text,
	"campaign" text,
	"industry" text,
	"region" text,
	"status" text DEFAULT 'new' NOT NULL,
	"disqualify_reason" text,
	"lifecycle_stage" text DEFAULT 'lead' NOT NULL,
	"owner_id" uuid,
	"pool_id" uuid,
	"owner_since" timestamp with time zone,
	"pooled_at" timestamp with time zone,
	"pool_entry" text,
	"return_reason" text,
	"former_owner_id" uuid,
	"notes" text,
	"last_activity_at" timestamp with time zone,
	"converted_at" timestamp with time zone,
	"converted_account_id" uuid,
	"converted_contact_id" uuid,
	"converted_opportunity_id" uuid,
	"merged_into_id" uuid,
	"match_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "leads_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"record_type" text,
	"record_id" uuid,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"name" text NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"amount" numeric(18, 2),
	"currency" text NOT NULL,
	"probability" integer NOT NULL,
	"expected_close_date" date,
	"forecast_category" text NOT NULL,
	"source" text,
	"campaign" text,
	"competitors" text[] DEFAULT '{}'::text[] NOT NULL,
	"next_step" text,
	"loss_reason" text,
	"closed_at" timestamp with time zone,
	"stage_entered_at" timestamp with time zone NOT NULL,
	"owner_id" uuid NOT NULL,
	"notes" text,
	CONSTRAINT "opportunities_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_contacts" (
	"workspace_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"buying_role" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "opportunity_contacts_workspace_id_opportunity_id_contact_id_pk" PRIMARY KEY("workspace_id","opportunity_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_stage_history" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"duration_seconds" bigint,
	CONSTRAINT "opportunity_stage_history_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "pipeline_stages" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"name" text NOT NULL,
	"probability" integer NOT NULL,
	"kind" text NOT NULL,
	"required_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipeline_stages_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "pipeline_stages_pipeline_stage_key" UNIQUE("workspace_id","pipeline_id","id"),
	CONSTRAINT "pipeline_stages_name_key" UNIQUE("workspace_id","pipeline_id","name")
);
--> statement-breakpoint
CREATE TABLE "pipelines" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipelines_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "pipelines_name_key" UNIQUE("workspace_id","name")
);
--> statement-breakpoint
CREATE TABLE "pools" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"object_type" text NOT NULL,
	"description" text,
	"holding_limit" integer,
	"no_activity_days" integer,
	"no_won_days" integer,
	"warn_days_before" integer,
	"department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "pools_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"due_at" timestamp with time zone,
	"due_date" date,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"reminder_minutes_before" integer,
	"reminder_at" timestamp with time zone,
	"recurrence_frequency" text,
	"recurrence_interval" integer,
	"next_occurrence_id" uuid,
	"lead_id" uuid,
	"account_id" uuid,
	"contact_id" uuid,
	"opportunity_id" uuid,
	"owner_id" uuid NOT NULL,
	CONSTRAINT "tasks_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "duplicate_rules" (
	"workspace_id" uuid NOT NULL,
	"object" text NOT NULL,
	"keys" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "duplicate_rules_workspace_id_object_pk" PRIMARY KEY("workspace_id","object")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"workspace_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"last_error" text,
	"locked_until" timestamp with time zone,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "accounts" ALTER COLUMN "owner_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "credit_code" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "campaign" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "pool_id" uuid;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "owner_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "pooled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "pool_entry" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "former_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "last_activity_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "last_won_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "match_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "campaign" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "match_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_workspace_id_owner_id_members_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."members"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_contact_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_opportunity_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_workspace_id_owner_id_members_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."members"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_pool_fk" FOREIGN KEY ("workspace_id","pool_id") REFERENCES "public"."pools"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_former_owner_fk" FOREIGN KEY ("workspace_id","former_owner_id") REFERENCES "public"."members"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_workspace_id_converted_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","converted_account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_workspace_id_converted_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","converted_contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_user_id_members_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."members"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_owner_id_members_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."members"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_account_id_accounts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_pipeline_id_stage_id_pipeline_stages_workspace_id_pipeline_id_id_fk" FOREIGN KEY ("workspace_id","pipeline_id","stage_id") REFERENCES "public"."pipeline_stages"("workspace_id","pipeline_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_contacts" ADD CONSTRAINT "opportunity_contacts_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_contacts" ADD CONSTRAINT "opportunity_contacts_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD CONSTRAINT "opportunity_stage_history_workspace_id_opportunity_id_opportunities_workspace_id_id_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_stages" ADD CONSTRAINT "pipeline_stages_workspace_id_pipeline_id_pipelines_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pipeline_id") REFERENCES "public"."pipelines"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_workspace_id_owner_id_members_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."members"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_contact_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_opportunity_fk" FOREIGN KEY ("workspace_id","opportunity_id") REFERENCES "public"."opportunities"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_lead_idx" ON "activities" USING btree ("workspace_id","lead_id","occurred_at" DESC NULLS LAST,"id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "activities_account_idx" ON "activities" USING btree ("workspace_id","account_id","occurred_at" DESC NULLS LAST,"id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "activities_contact_idx" ON "activities" USING btree ("workspace_id","contact_id","occurred_at" DESC NULLS LAST,"id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "activities_opportunity_idx" ON "activities" USING btree ("workspace_id","opportunity_id","occurred_at" DESC NULLS LAST,"id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "activities_owner_idx" ON "activities" USING btree ("workspace_id","owner_id","occurred_at");--> statement-breakpoint
CREATE INDEX "activities_occurred_idx" ON "activities" USING btree ("workspace_id","occurred_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "leads_pool_idx" ON "leads" USING btree ("workspace_id","pool_id");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("workspace_id","owner_id");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("workspace_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "leads_name_idx" ON "leads" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "leads_updated_idx" ON "leads" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "leads_converted_account_idx" ON "leads" USING btree ("workspace_id","converted_account_id");--> statement-breakpoint
CREATE INDEX "leads_converted_contact_idx" ON "leads" USING btree ("workspace_id","converted_contact_id");--> statement-breakpoint
CREATE INDEX "leads_name_trgm_idx" ON "leads" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "leads_company_trgm_idx" ON "leads" USING gin ("company" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "leads_match_keys_idx" ON "leads" USING gin ("match_keys");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("workspace_id","user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("workspace_id","user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("workspace_id","user_id") WHERE read_at is null;--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("workspace_id","owner_id");--> statement-breakpoint
CREATE INDEX "opportunities_account_idx" ON "opportunities" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE INDEX "opportunities_contact_idx" ON "opportunities" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "opportunities_name_idx" ON "opportunities" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "opportunities_updated_idx" ON "opportunities" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "opportunities_close_idx" ON "opportunities" USING btree ("workspace_id","expected_close_date","id");--> statement-breakpoint
CREATE INDEX "opportunities_board_totals_idx" ON "opportunities" USING btree ("workspace_id","pipeline_id","stage_id","currency") WHERE "opportunities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "opportunities_board_close_idx" ON "opportunities" USING btree ("workspace_id","stage_id","expected_close_date","id") WHERE "opportunities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "opportunities_board_updated_idx" ON "opportunities" USING btree ("workspace_id","stage_id","updated_at" DESC NULLS LAST,"id") WHERE "opportunities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "opportunities_name_trgm_idx" ON "opportunities" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunity_contacts_contact_idx" ON "opportunity_contacts" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "opportunity_stage_history_opportunity_idx" ON "opportunity_stage_history" USING btree ("workspace_id","opportunity_id","at");--> statement-breakpoint
CREATE INDEX "pools_object_idx" ON "pools" USING btree ("workspace_id","object_type","id");--> statement-breakpoint
CREATE INDEX "tasks_lead_idx" ON "tasks" USING btree ("workspace_id","lead_id","status","due_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "tasks_account_idx" ON "tasks" USING btree ("workspace_id","account_id","status","due_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "tasks_contact_idx" ON "tasks" USING btree ("workspace_id","contact_id","status","due_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "tasks_opportunity_idx" ON "tasks" USING btree ("workspace_id","opportunity_id","status","due_at","id") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "tasks_owner_open_idx" ON "tasks" USING btree ("workspace_id","owner_id","due_at","due_date") WHERE status = 'open' and deleted_at is null;--> statement-breakpoint
CREATE INDEX "tasks_due_idx" ON "tasks" USING btree ("workspace_id","due_at","id");--> statement-breakpoint
CREATE INDEX "tasks_updated_idx" ON "tasks" USING btree ("workspace_id","updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_pending_dedupe_key" ON "jobs" USING btree ("name","dedupe_key") WHERE status = 'pending' and dedupe_key is not null;--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "jobs_running_idx" ON "jobs" USING btree ("locked_until") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "jobs_workspace_status_idx" ON "jobs" USING btree ("workspace_id","status","run_at");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_pool_fk" FOREIGN KEY ("workspace_id","pool_id") REFERENCES "public"."pools"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_former_owner_fk" FOREIGN KEY ("workspace_id","former_owner_id") REFERENCES "public"."members"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_pool_idx" ON "accounts" USING btree ("workspace_id","pool_id");--> statement-breakpoint
CREATE INDEX "accounts_match_keys_idx" ON "accounts" USING gin ("match_keys");--> statement-breakpoint
CREATE INDEX "contacts_match_keys_idx" ON "contacts" USING gin ("match_keys");--> statement-breakpoint
-- Data for workspaces created before the sales core. Roles get rights on the new objects as
-- they have on accounts (field restrictions excepted: those name account fields).
UPDATE "roles" SET "permissions" = jsonb_set(
  "permissions",
  '{objects}',
  coalesce("permissions"->'objects', '{}'::jsonb) || (
    SELECT jsonb_object_agg(o, coalesce(("permissions"->'objects'->'account') - 'fields',
      '{"create":false,"read":false,"update":false,"delete":false,"scope":"own"}'::jsonb))
    FROM unnest(ARRAY['lead', 'opportunity', 'activity', 'task']) AS o
  )
)
WHERE NOT coalesce("permissions"->'objects', '{}'::jsonb) ? 'lead';
--> statement-breakpoint
-- The default pipeline, as new workspaces get it (modules/opportunities/default-pipeline.ts).
WITH created AS (
  INSERT INTO "pipelines" ("workspace_id", "id", "name", "position")
  SELECT w."id", gen_random_uuid(), CASE WHEN w."default_locale" = 'zh-CN' THEN '新客户销售' ELSE 'New business' END, 0
  FROM "workspaces" w
  WHERE NOT EXISTS (SELECT 1 FROM "pipelines" p WHERE p."workspace_id" = w."id")
  RETURNING "workspace_id", "id"
)
INSERT INTO "pipeline_stages" ("workspace_id", "id", "pipeline_id", "name", "probability", "kind", "required_fields", "position")
SELECT c."workspace_id", gen_random_uuid(), c."id",
  CASE WHEN w."default_locale" = 'zh-CN' THEN s.zh ELSE s.en END, s.probability, s.kind, s.required, s.position
FROM created c
JOIN "workspaces" w ON w."id" = c."workspace_id"
CROSS JOIN (VALUES
  ('初步接洽', 'Qualification', 10, 'open', '{}'::text[], 0),
  ('需求分析', 'Needs analysis', 25, 'open', '{}'::text[], 1),
  ('方案报价', 'Proposal/Quote', 50, 'open', '{amount}'::text[], 2),
  ('商务谈判', 'Negotiation', 75, 'open', '{amount,expectedCloseDate}'::text[], 3),
  ('赢单', 'Won', 100, 'won', '{amount}'::text[], 4),
  ('输单', 'Lost', 0, 'lost', '{lossReason}'::text[], 5)
) AS s(zh, en, probability, kind, required, position);
--> statement-breakpoint
-- The default pools (modules/pools/pool-defaults.ts); existing accounts belong to the account pool.
INSERT INTO "pools" ("workspace_id", "id", "name", "object_type")
SELECT w."id", gen_random_uuid(),
  CASE WHEN w."default_locale" = 'zh-CN' THEN o.zh ELSE o.en END, o.object_type
FROM "workspaces" w
CROSS JOIN (VALUES ('account', '公海客户', 'Account pool'), ('lead', '公海线索', 'Lead pool')) AS o(object_type, zh, en)
WHERE NOT EXISTS (SELECT 1 FROM "pools" p WHERE p."workspace_id" = w."id" AND p."object_type" = o.object_type);
--> statement-breakpoint
UPDATE "accounts" a SET "pool_id" = (
  SELECT p."id" FROM "pools" p WHERE p."workspace_id" = a."workspace_id" AND p."object_type" = 'account'
  ORDER BY p."created_at", p."id" LIMIT 1
), "owner_since" = coalesce(a."owner_since", a."created_at")
WHERE a."pool_id" IS NULL;
--> statement-breakpoint
-- Duplicate-check keys are computed by the app's normalizers: a job fills them for old records.
INSERT INTO "jobs" ("id", "name", "payload", "run_at", "dedupe_key")
SELECT gen_random_uuid(), 'duplicates.rebuild-keys', '{}'::jsonb, now(), 'sales-core'
WHERE EXISTS (SELECT 1 FROM "accounts") OR EXISTS (SELECT 1 FROM "contacts");
