DROP INDEX "activities_owner_idx";--> statement-breakpoint
CREATE INDEX "activities_owner_idx" ON "activities" USING btree ("workspace_id","owner_id","occurred_at" DESC NULLS LAST,"id");