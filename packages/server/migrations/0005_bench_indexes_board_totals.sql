CREATE TABLE "opportunity_board_totals" (
	"workspace_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"count" integer NOT NULL,
	"amount_count" integer NOT NULL,
	"amount" numeric NOT NULL,
	"weighted" numeric NOT NULL,
	CONSTRAINT "opportunity_board_totals_workspace_id_pipeline_id_stage_id_owner_id_currency_pk" PRIMARY KEY("workspace_id","pipeline_id","stage_id","owner_id","currency")
);
--> statement-breakpoint
DROP INDEX "accounts_owner_idx";--> statement-breakpoint
DROP INDEX "accounts_updated_idx";--> statement-breakpoint
DROP INDEX "contacts_owner_idx";--> statement-breakpoint
DROP INDEX "contacts_updated_idx";--> statement-breakpoint
DROP INDEX "leads_owner_idx";--> statement-breakpoint
DROP INDEX "leads_status_idx";--> statement-breakpoint
DROP INDEX "leads_updated_idx";--> statement-breakpoint
DROP INDEX "opportunities_owner_idx";--> statement-breakpoint
DROP INDEX "opportunities_updated_idx";--> statement-breakpoint
ALTER TABLE "opportunity_board_totals" ADD CONSTRAINT "opportunity_board_totals_owner_fk" FOREIGN KEY ("workspace_id","owner_id") REFERENCES "public"."members"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_board_totals" ADD CONSTRAINT "opportunity_board_totals_stage_fk" FOREIGN KEY ("workspace_id","pipeline_id","stage_id") REFERENCES "public"."pipeline_stages"("workspace_id","pipeline_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("workspace_id","owner_id","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "accounts_updated_idx" ON "accounts" USING btree ("workspace_id","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "contacts_owner_idx" ON "contacts" USING btree ("workspace_id","owner_id","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "contacts_updated_idx" ON "contacts" USING btree ("workspace_id","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("workspace_id","owner_id","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("workspace_id","status","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "leads_updated_idx" ON "leads" USING btree ("workspace_id","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("workspace_id","owner_id","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "opportunities_updated_idx" ON "opportunities" USING btree ("workspace_id","updated_at" DESC NULLS LAST,"id");