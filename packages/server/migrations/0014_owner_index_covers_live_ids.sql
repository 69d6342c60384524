DROP INDEX "accounts_owner_idx";--> statement-breakpoint
DROP INDEX "contacts_owner_idx";--> statement-breakpoint
DROP INDEX "leads_owner_idx";--> statement-breakpoint
DROP INDEX "opportunities_owner_idx";--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("workspace_id","owner_id","updated_at" DESC NULLS LAST,"id","deleted_at");--> statement-breakpoint
CREATE INDEX "contacts_owner_idx" ON "contacts" USING btree ("workspace_id","owner_id","updated_at" DESC NULLS LAST,"id","deleted_at");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("workspace_id","owner_id","updated_at" DESC NULLS LAST,"id","deleted_at");--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("workspace_id","owner_id","updated_at" DESC NULLS LAST,"id","deleted_at");