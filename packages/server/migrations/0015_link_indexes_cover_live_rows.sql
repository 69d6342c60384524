DROP INDEX "activities_lead_idx";--> statement-breakpoint
DROP INDEX "activities_account_idx";--> statement-breakpoint
DROP INDEX "activities_contact_idx";--> statement-breakpoint
DROP INDEX "activities_opportunity_idx";--> statement-breakpoint
DROP INDEX "tasks_lead_idx";--> statement-breakpoint
DROP INDEX "tasks_account_idx";--> statement-breakpoint
DROP INDEX "tasks_contact_idx";--> statement-breakpoint
DROP INDEX "tasks_opportunity_idx";--> statement-breakpoint
CREATE INDEX "activities_lead_idx" ON "activities" USING btree ("workspace_id","lead_id","occurred_at" DESC NULLS LAST,"id","deleted_at") WHERE "lead_id" is not null;--> statement-breakpoint
CREATE INDEX "activities_account_idx" ON "activities" USING btree ("workspace_id","account_id","occurred_at" DESC NULLS LAST,"id","deleted_at") WHERE "account_id" is not null;--> statement-breakpoint
CREATE INDEX "activities_contact_idx" ON "activities" USING btree ("workspace_id","contact_id","occurred_at" DESC NULLS LAST,"id","deleted_at") WHERE "contact_id" is not null;--> statement-breakpoint
CREATE INDEX "activities_opportunity_idx" ON "activities" USING btree ("workspace_id","opportunity_id","occurred_at" DESC NULLS LAST,"id","deleted_at") WHERE "opportunity_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_lead_idx" ON "tasks" USING btree ("workspace_id","lead_id","status","due_at","id","deleted_at") WHERE "lead_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_account_idx" ON "tasks" USING btree ("workspace_id","account_id","status","due_at","id","deleted_at") WHERE "account_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_contact_idx" ON "tasks" USING btree ("workspace_id","contact_id","status","due_at","id","deleted_at") WHERE "contact_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_opportunity_idx" ON "tasks" USING btree ("workspace_id","opportunity_id","status","due_at","id","deleted_at") WHERE "opportunity_id" is not null;