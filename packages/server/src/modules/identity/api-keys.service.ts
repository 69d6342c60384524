import type { ApiKey } from '@guanxi/contract';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { newId } from '../../db/ids.js';
import { auditedWrite } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { apiKeys } from './identity.tables.js';
import { newSecret, sha256 } from './secrets.js';

const API_KEY_FIELDS = ['name', 'prefix'] as const;
const KEY_PREFIX = 'gx_';
type ApiKeyRow = typeof apiKeys.$inferSelect;
const toApiKey = (k: ApiKeyRow): ApiKey => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});

/** A key acts as the user who made it, with that user's role; its secret is returned once. */
export async function createApiKey(ctx: Ctx, name: string): Promise<ApiKey & { key: string }> {
  const key = newSecret(KEY_PREFIX);
  return auditedWrite(ctx, 'apiKey', async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        workspaceId: ctx.actor.workspaceId,
        id: newId(),
        userId: ctx.actor.userId,
        name,
        prefix: key.slice(0, KEY_PREFIX.length + 6),
        keyHash: sha256(key),
        createdAt: ctx.now(),
      })
      .returning();
    const created = toApiKey(row);
    return {
      recordId: row.id,
      action: 'create',
      before: null,
      after: created,
      fields: API_KEY_FIELDS,
      result: { ...created, key },
    };
  });
}

export async function listApiKeys(ctx: Ctx): Promise<ApiKey[]> {
  const rows = await ctx.db
    .select()
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.workspaceId, ctx.actor.workspaceId),
        eq(apiKeys.userId, ctx.actor.userId),
        isNull(apiKeys.revokedAt),
      ),
    )
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(toApiKey);
}

export async function revokeApiKey(ctx: Ctx, id: string): Promise<void> {
  await auditedWrite(ctx, 'apiKey', async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: ctx.now() })
      .where(
        and(
          eq(apiKeys.workspaceId, ctx.actor.workspaceId),
          eq(apiKeys.id, id),
          eq(apiKeys.userId, ctx.actor.userId),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning();
    if (!row) throw notFound('API key');
    const revoked = toApiKey(row);
    return {
      recordId: id,
      action: 'delete',
      before: revoked,
      after: null,
      fields: API_KEY_FIELDS,
      result: undefined,
    };
  });
}
