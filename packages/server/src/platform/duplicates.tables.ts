import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.js';

/**
 * Which keys count as a duplicate, per workspace and object. No row means the object's default
 * rules (see DEFAULT_DUPLICATE_RULES in the contract), so every workspace has rules from the start.
 */
export const duplicateRules = pgTable(
  'duplicate_rules',
  {
    workspaceId: uuid('workspace_id').notNull(),
    object: text('object').notNull(),
    keys: text('keys').array().notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.object] })],
);
