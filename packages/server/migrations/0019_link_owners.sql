-- Activities and tasks keep the owner of each lead, account and opportunity they link while it
-- is live (null without the link, in the pool or in the trash): a page of what someone reads
-- through the customers they own is then one index range per link (platform/read-through).
-- The database keeps the columns, whatever the write path: a row's new link takes its record's
-- owner, and a record's transfer or move to or from the trash reaches every row linking it.
ALTER TABLE "activities" ADD COLUMN "lead_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "account_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "opportunity_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "lead_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "account_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "opportunity_owner_id" uuid;--> statement-breakpoint
UPDATE "activities" AS c SET
  "lead_owner_id" = (SELECT x."owner_id" FROM "leads" x
    WHERE x."workspace_id" = c."workspace_id" AND x."id" = c."lead_id" AND x."deleted_at" IS NULL),
  "account_owner_id" = (SELECT x."owner_id" FROM "accounts" x
    WHERE x."workspace_id" = c."workspace_id" AND x."id" = c."account_id" AND x."deleted_at" IS NULL),
  "opportunity_owner_id" = (SELECT x."owner_id" FROM "opportunities" x
    WHERE x."workspace_id" = c."workspace_id" AND x."id" = c."opportunity_id" AND x."deleted_at" IS NULL)
WHERE c."lead_id" IS NOT NULL OR c."account_id" IS NOT NULL OR c."opportunity_id" IS NOT NULL;--> statement-breakpoint
UPDATE "tasks" AS c SET
  "lead_owner_id" = (SELECT x."owner_id" FROM "leads" x
    WHERE x."workspace_id" = c."workspace_id" AND x."id" = c."lead_id" AND x."deleted_at" IS NULL),
  "account_owner_id" = (SELECT x."owner_id" FROM "accounts" x
    WHERE x."workspace_id" = c."workspace_id" AND x."id" = c."account_id" AND x."deleted_at" IS NULL),
  "opportunity_owner_id" = (SELECT x."owner_id" FROM "opportunities" x
    WHERE x."workspace_id" = c."workspace_id" AND x."id" = c."opportunity_id" AND x."deleted_at" IS NULL)
WHERE c."lead_id" IS NOT NULL OR c."account_id" IS NOT NULL OR c."opportunity_id" IS NOT NULL;--> statement-breakpoint
CREATE FUNCTION gx_link_owners() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Read again whenever the link or the kept owner itself is written. The linked record is locked
  -- as an update of it would be: a transfer or deletion running at the same moment either
  -- commits first and is read here, or waits for this row and then reaches it.
  IF TG_OP = 'INSERT' OR NEW.lead_id IS DISTINCT FROM OLD.lead_id
    OR NEW.lead_owner_id IS DISTINCT FROM OLD.lead_owner_id THEN
    NEW.lead_owner_id := CASE WHEN NEW.lead_id IS NOT NULL THEN (SELECT owner_id FROM leads
      WHERE workspace_id = NEW.workspace_id AND id = NEW.lead_id AND deleted_at IS NULL
      FOR NO KEY UPDATE) END;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.account_id IS DISTINCT FROM OLD.account_id
    OR NEW.account_owner_id IS DISTINCT FROM OLD.account_owner_id THEN
    NEW.account_owner_id := CASE WHEN NEW.account_id IS NOT NULL THEN (SELECT owner_id
      FROM accounts WHERE workspace_id = NEW.workspace_id AND id = NEW.account_id
      AND deleted_at IS NULL FOR NO KEY UPDATE) END;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.opportunity_id IS DISTINCT FROM OLD.opportunity_id
    OR NEW.opportunity_owner_id IS DISTINCT FROM OLD.opportunity_owner_id THEN
    NEW.opportunity_owner_id := CASE WHEN NEW.opportunity_id IS NOT NULL THEN (SELECT owner_id
      FROM opportunities WHERE workspace_id = NEW.workspace_id AND id = NEW.opportunity_id
      AND deleted_at IS NULL FOR NO KEY UPDATE) END;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "activities_link_owners" BEFORE INSERT OR UPDATE OF "lead_id", "account_id", "opportunity_id", "lead_owner_id", "account_owner_id", "opportunity_owner_id"
  ON "activities" FOR EACH ROW EXECUTE FUNCTION gx_link_owners();--> statement-breakpoint
CREATE TRIGGER "tasks_link_owners" BEFORE INSERT OR UPDATE OF "lead_id", "account_id", "opportunity_id", "lead_owner_id", "account_owner_id", "opportunity_owner_id"
  ON "tasks" FOR EACH ROW EXECUTE FUNCTION gx_link_owners();--> statement-breakpoint
CREATE FUNCTION gx_link_owner_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner uuid := CASE WHEN NEW.deleted_at IS NULL THEN NEW.owner_id END;
BEGIN
  -- The rows' own trigger fires on this and reads the owner from the record: a kept owner is
  -- never anything but what the linked record says, whoever writes it.
  IF TG_TABLE_NAME = 'leads' THEN
    UPDATE activities SET lead_owner_id = owner WHERE workspace_id = NEW.workspace_id
      AND lead_id = NEW.id AND lead_owner_id IS DISTINCT FROM owner;
    UPDATE tasks SET lead_owner_id = owner WHERE workspace_id = NEW.workspace_id
      AND lead_id = NEW.id AND lead_owner_id IS DISTINCT FROM owner;
  ELSIF TG_TABLE_NAME = 'accounts' THEN
    UPDATE activities SET account_owner_id = owner WHERE workspace_id = NEW.workspace_id
      AND account_id = NEW.id AND account_owner_id IS DISTINCT FROM owner;
    UPDATE tasks SET account_owner_id = owner WHERE workspace_id = NEW.workspace_id
      AND account_id = NEW.id AND account_owner_id IS DISTINCT FROM owner;
  ELSE
    UPDATE activities SET opportunity_owner_id = owner WHERE workspace_id = NEW.workspace_id
      AND opportunity_id = NEW.id AND opportunity_owner_id IS DISTINCT FROM owner;
    UPDATE tasks SET opportunity_owner_id = owner WHERE workspace_id = NEW.workspace_id
      AND opportunity_id = NEW.id AND opportunity_owner_id IS DISTINCT FROM owner;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "leads_link_owner_moved" AFTER UPDATE OF "owner_id", "deleted_at" ON "leads"
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id
    OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
  EXECUTE FUNCTION gx_link_owner_moved();--> statement-breakpoint
CREATE TRIGGER "accounts_link_owner_moved" AFTER UPDATE OF "owner_id", "deleted_at" ON "accounts"
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id
    OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
  EXECUTE FUNCTION gx_link_owner_moved();--> statement-breakpoint
CREATE TRIGGER "opportunities_link_owner_moved" AFTER UPDATE OF "owner_id", "deleted_at" ON "opportunities"
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id
    OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
  EXECUTE FUNCTION gx_link_owner_moved();--> statement-breakpoint
CREATE INDEX "activities_lead_owner_idx" ON "activities" USING btree ("workspace_id","lead_owner_id","occurred_at" DESC NULLS LAST,"id","deleted_at") WHERE "lead_owner_id" is not null;--> statement-breakpoint
CREATE INDEX "activities_account_owner_idx" ON "activities" USING btree ("workspace_id","account_owner_id","occurred_at" DESC NULLS LAST,"id","deleted_at") WHERE "account_owner_id" is not null;--> statement-breakpoint
CREATE INDEX "activities_opportunity_owner_idx" ON "activities" USING btree ("workspace_id","opportunity_owner_id","occurred_at" DESC NULLS LAST,"id","deleted_at") WHERE "opportunity_owner_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_lead_owner_idx" ON "tasks" USING btree ("workspace_id","lead_owner_id","status","due_at","id","deleted_at") WHERE "lead_owner_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_account_owner_idx" ON "tasks" USING btree ("workspace_id","account_owner_id","status","due_at","id","deleted_at") WHERE "account_owner_id" is not null;--> statement-breakpoint
CREATE INDEX "tasks_opportunity_owner_idx" ON "tasks" USING btree ("workspace_id","opportunity_owner_id","status","due_at","id","deleted_at") WHERE "opportunity_owner_id" is not null;
