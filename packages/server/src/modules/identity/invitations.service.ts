import type { AcceptInvitationInput, CreateInvitationInput, Invitation } from '@guanxi/contract';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, isUniqueViolation } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { auditedWrite, recordChange } from '../../platform/audit.js';
import { type Ctx, createCtx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Mailer, MailMessage } from '../../platform/mailer.js';
import { requireWorkspaceAdmin } from '../../platform/permissions.js';
import { type ClientInfo, type NewSession, startSession } from './auth.service.js';
import { invitations, members, users, workspaces } from './identity.tables.js';
import { hashPassword, newSecret, sha256, verifyPassword } from './secrets.js';
import { assertRoleAndDepartment } from './users.service.js';

const INVITATION_FIELDS = ['email', 'roleId', 'departmentId', 'status'] as const;
const INVITATION_TTL_MS = 7 * 86_400_000;
type InvitationRow = typeof invitations.$inferSelect;

function toInvitation(row: InvitationRow, now: Date): Invitation {
  const status = row.acceptedAt
    ? 'accepted'
    : row.revokedAt
      ? 'revoked'
      : row.expiresAt <= now
        ? 'expired'
        : 'pending';
  return {
    id: row.id,
    email: row.email,
    roleId: row.roleId,
    departmentId: row.departmentId,
    status,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function createInvitation(
  ctx: Ctx,
  data: z.infer<typeof CreateInvitationInput>,
  delivery: { publicUrl: string; mailer: Mailer | null; log?: (error: unknown) => void },
): Promise<Invitation & { token: string; acceptUrl: string; emailSent: boolean }> {
  requireWorkspaceAdmin(ctx);
  const ws = ctx.actor.workspaceId;
  await assertRoleAndDepartment(ctx, data);
  const [already] = await ctx.db
    .select({ id: members.userId })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.workspaceId, ws), sql`lower(${users.email}) = ${data.email}`));
  if (already) {
    throw new AppError('conflict', 'This person is already a member of the workspace.', {
      errors: [{ path: 'email', message: 'is already a member', code: 'taken' }],
    });
  }
  const token = newSecret();
  const now = ctx.now();
  const row = await auditedWrite(ctx, 'invitation', async (tx) => {
    const [inserted] = await tx
      .insert(invitations)
      .values({
        workspaceId: ws,
        id: newId(),
        email: data.email,
        roleId: data.roleId,
        departmentId: data.departmentId ?? null,
        tokenHash: sha256(token),
        invitedBy: ctx.actor.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .returning();
    const after = toInvitation(inserted, now);
    return {
      recordId: inserted.id,
      action: 'create',
      before: null,
      after,
      fields: INVITATION_FIELDS,
      result: inserted,
    };
  });
  const acceptUrl = `${delivery.publicUrl.replace(/\/$/, '')}/invite/${encodeURIComponent(token)}`;
  let emailSent = false;
  if (delivery.mailer) {
    try {
      await delivery.mailer.send(await invitationEmail(ctx, data.email, acceptUrl, row.expiresAt));
      emailSent = true;
    } catch (error) {
      // The invitation stands; the admin can still copy the link and send it another way.
      delivery.log?.(error);
    }
  }
  return { ...toInvitation(row, now), token, acceptUrl, emailSent };
}

/** One message in both languages: we do not know the invitee's language yet. */
async function invitationEmail(
  ctx: Ctx,
  to: string,
  acceptUrl: string,
  expiresAt: Date,
): Promise<MailMessage> {
  const [row] = await ctx.db
    .select({ workspace: workspaces.name, inviter: users.name })
    .from(workspaces)
    .innerJoin(users, eq(users.id, ctx.actor.userId))
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  const until = expiresAt.toISOString().slice(0, 10);
  return {
    to,
    subject: `${row.inviter} 邀请您加入「${row.workspace}」 / ${row.inviter} invited you to ${row.workspace} on Guanxi CRM`,
    text: [
      `${row.inviter} 邀请您加入关系 CRM 的工作区「${row.workspace}」。`,
      `打开以下链接设置您的姓名和密码即可加入（${until} 前有效）：`,
      acceptUrl,
      '',
      `${row.inviter} invited you to join the workspace "${row.workspace}" on Guanxi CRM.`,
      `Open this link to choose your name and password (valid until ${until}):`,
      acceptUrl,
    ].join('\n'),
  };
}

export async function listInvitations(ctx: Ctx): Promise<Invitation[]> {
  requireWorkspaceAdmin(ctx);
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.workspaceId, ctx.actor.workspaceId))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  const now = ctx.now();
  return rows.map((r) => toInvitation(r, now));
}

export async function revokeInvitation(ctx: Ctx, id: string): Promise<void> {
  requireWorkspaceAdmin(ctx);
  await auditedWrite(ctx, 'invitation', async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: ctx.now() })
      .where(
        and(
          eq(invitations.workspaceId, ctx.actor.workspaceId),
          eq(invitations.id, id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning();
    if (!row) throw notFound('Pending invitation');
    const before = toInvitation({ ...row, revokedAt: null }, ctx.now());
    const after = toInvitation(row, ctx.now());
    return {
      recordId: id,
      action: 'update',
      before,
      after,
      fields: INVITATION_FIELDS,
      result: undefined,
    };
  });
}

/**
 * Joins the invited person to the workspace: a new identity is created, or an existing one
 * proves itself with its password. One invitation is used once.
 */
export async function acceptInvitation(
  db: Db,
  input: z.infer<typeof AcceptInvitationInput>,
  client: ClientInfo,
): Promise<NewSession> {
  const [invite] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, sha256(input.token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, client.now),
      ),
    );
  if (!invite) {
    throw new AppError(
      'not_found',
      'This invitation is invalid, already used, revoked or expired.',
    );
  }
  const [existing] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${invite.email}`);
  if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
    throw new AppError(
      'unauthenticated',
      'This email already has a Guanxi account: enter its password to join.',
      {
        errors: [
          { path: 'password', message: 'does not match the existing account', code: 'incorrect' },
        ],
      },
    );
  }
  const passwordHash = existing ? null : await hashPassword(input.password);
  const joined = db.transaction(async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: client.now })
      .where(
        and(
          eq(invitations.workspaceId, invite.workspaceId),
          eq(invitations.id, invite.id),
          isNull(invitations.acceptedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw new AppError('conflict', 'This invitation was just used.');
    const id = existing?.id ?? newId();
    if (!existing && passwordHash) {
      await tx
        .insert(users)
        .values({ id, email: invite.email, name: input.name, passwordHash, createdAt: client.now });
    }
    await tx
      .insert(members)
      .values({
        workspaceId: invite.workspaceId,
        userId: id,
        roleId: invite.roleId,
        departmentId: invite.departmentId,
        status: 'active',
        createdAt: client.now,
      })
      .onConflictDoNothing();
    // The new member is the actor of their own joining.
    const joiner = createCtx(db, {
      workspaceId: invite.workspaceId,
      userId: id,
      roleId: invite.roleId,
      departmentId: invite.departmentId,
      permissions: { objects: {}, manageWorkspace: false },
      via: 'session',
      apiKeyId: null,
    });
    await recordChange(joiner, tx, {
      objectType: 'invitation',
      recordId: invite.id,
      action: 'update',
      changes: [{ field: 'status', old: 'pending', new: 'accepted' }],
      at: client.now,
      payload: toInvitation({ ...invite, acceptedAt: client.now }, client.now),
    });
    return id;
  });
  const userId = await joined.catch((error: unknown) => {
    // A sign-up with the same new email can win the race; the unique index decides.
    throw isUniqueViolation(error, 'users_email_key')
      ? new AppError(
          'conflict',
          'This email was just registered. Sign in, then open the invitation again.',
          {
            errors: [{ path: 'token', message: 'email was just registered', code: 'taken' }],
          },
        )
      : error;
  });
  return startSession(db, userId, invite.workspaceId, client);
}
