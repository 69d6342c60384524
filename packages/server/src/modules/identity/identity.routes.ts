import {
  AcceptInvitationInput,
  ApiKeySchema,
  CreateApiKeyInput,
  CreateDepartmentInput,
  CreatedApiKeySchema,
  CreatedInvitationSchema,
  CreateInvitationInput,
  CreateRoleInput,
  DepartmentSchema,
  IdParamsSchema,
  InvitationSchema,
  LoginInput,
  MeSchema,
  ProblemSchema,
  RoleSchema,
  SignupInput,
  UpdateDepartmentInput,
  UpdateRoleInput,
  UpdateUserInput,
  UserSchema,
} from '@guanxi/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookies, setSessionCookies } from '../../platform/http/auth-hook.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';
import {
  type ClientInfo,
  endSession,
  getMe,
  login,
  type NewSession,
  signup,
} from './auth.service.js';
import {
  createDepartment,
  deleteDepartment,
  listDepartments,
  updateDepartment,
} from './departments.service.js';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  revokeInvitation,
} from './invitations.service.js';
import { createRole, listRoles, updateRole } from './roles.service.js';
import { listUsers, updateUser } from './users.service.js';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

export async function identityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const client = (req: FastifyRequest): ClientInfo => ({
    ip: req.ip,
    userAgent: req.headers['user-agent'] ?? null,
    now: new Date(),
    ttlDays: app.config.SESSION_TTL_DAYS,
  });
  const signIn = async (
    req: FastifyRequest,
    reply: Parameters<typeof setSessionCookies>[2],
    session: NewSession,
  ) => {
    setSessionCookies(app, req, reply, session);
    return getMe(app.database.db, session);
  };

  r.post('/auth/signup', {
    config: { public: true },
    schema: {
      tags: ['Auth'],
      security: [],
      summary: 'Create a workspace and its administrator, and sign in',
      body: SignupInput,
      response: { 201: MeSchema, ...problems },
    },
    handler: async (req, reply) => {
      const session = await signup(app.database.db, req.body, client(req));
      return reply.code(201).send(await signIn(req, reply, session));
    },
  });
  r.post('/auth/login', {
    config: { public: true },
    schema: {
      tags: ['Auth'],
      security: [],
      summary: 'Sign in with email and password',
      description: 'Repeated failures for one email or address answer 429 with Retry-After.',
      body: LoginInput,
      response: { 200: MeSchema, ...problems, 429: ProblemSchema },
    },
    handler: async (req, reply) =>
      signIn(req, reply, await login(app.database.db, req.body, client(req))),
  });
  r.post('/auth/logout', {
    schema: {
      tags: ['Auth'],
      summary: 'Sign out (ends this session)',
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      if (req.sessionToken) await endSession(app.database.db, req.sessionToken);
      clearSessionCookies(reply);
      return reply.code(204).send(null);
    },
  });
  r.get('/auth/me', {
    schema: {
      tags: ['Auth'],
      summary: 'The signed-in user, workspace and role',
      response: { 200: MeSchema, 401: ProblemSchema },
    },
    handler: (req) => getMe(req.ctx.db, req.ctx.actor),
  });
  r.post('/invitations/accept', {
    config: { public: true },
    schema: {
      tags: ['Users'],
      security: [],
      summary: 'Accept an invitation: join the workspace and sign in',
      body: AcceptInvitationInput,
      response: { 201: MeSchema, ...problems },
    },
    handler: async (req, reply) => {
      const session = await acceptInvitation(app.database.db, req.body, client(req));
      return reply.code(201).send(await signIn(req, reply, session));
    },
  });

  r.get('/users', {
    schema: {
      tags: ['Users'],
      summary: 'Users of the workspace',
      response: { 200: list(UserSchema), 401: ProblemSchema },
    },
    handler: async (req) => ({ data: await listUsers(req.ctx) }),
  });
  r.patch('/users/:id', {
    schema: {
      tags: ['Users'],
      summary: "Change a user's name, role, department or status (admins)",
      params: IdParamsSchema,
      body: UpdateUserInput,
      response: { 200: UserSchema, ...problems },
    },
    handler: (req) => updateUser(req.ctx, { id: req.params.id, data: req.body }),
  });
  r.get('/roles', {
    schema: {
      tags: ['Users'],
      summary: 'Roles of the workspace',
      response: { 200: list(RoleSchema), 401: ProblemSchema },
    },
    handler: async (req) => ({ data: await listRoles(req.ctx) }),
  });
  r.post('/roles', {
    schema: {
      tags: ['Users'],
      summary: 'Create a role (admins)',
      body: CreateRoleInput,
      response: { 201: RoleSchema, ...problems },
    },
    handler: async (req, reply) => reply.code(201).send(await createRole(req.ctx, req.body)),
  });
  r.patch('/roles/:id', {
    schema: {
      tags: ['Users'],
      summary: 'Update a role (admins)',
      params: IdParamsSchema,
      body: UpdateRoleInput,
      response: { 200: RoleSchema, ...problems },
    },
    handler: (req) => updateRole(req.ctx, { id: req.params.id, data: req.body }),
  });
  r.get('/departments', {
    schema: {
      tags: ['Users'],
      summary: 'Department tree (flat, with parentId)',
      response: { 200: list(DepartmentSchema), 401: ProblemSchema },
    },
    handler: async (req) => ({ data: await listDepartments(req.ctx) }),
  });
  r.post('/departments', {
    schema: {
      tags: ['Users'],
      summary: 'Create a department (admins)',
      body: CreateDepartmentInput,
      response: { 201: DepartmentSchema, ...problems },
    },
    handler: async (req, reply) => reply.code(201).send(await createDepartment(req.ctx, req.body)),
  });
  r.patch('/departments/:id', {
    schema: {
      tags: ['Users'],
      summary: 'Rename or move a department (admins)',
      params: IdParamsSchema,
      body: UpdateDepartmentInput,
      response: { 200: DepartmentSchema, ...problems },
    },
    handler: (req) => updateDepartment(req.ctx, { id: req.params.id, data: req.body }),
  });
  r.delete('/departments/:id', {
    schema: {
      tags: ['Users'],
      summary: 'Delete an empty department (admins)',
      params: IdParamsSchema,
      response: { 204: z.null(), ...problems },
    },
    handler: async (req, reply) => {
      await deleteDepartment(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });
  r.get('/invitations', {
    schema: {
      tags: ['Users'],
      summary: 'Invitations (admins)',
      response: { 200: list(InvitationSchema), ...problems },
    },
    handler: async (req) => ({ data: await listInvitations(req.ctx) }),
  });
  r.post('/invitations', {
    schema: {
      tags: ['Users'],
      summary: 'Invite someone by email with a role (admins)',
      description:
        'Emails the person a link when SMTP is configured (`emailSent`). The answer also carries the one-time `token` and `acceptUrl`, to share another way.',
      body: CreateInvitationInput,
      response: { 201: CreatedInvitationSchema, ...problems },
    },
    handler: async (req, reply) => {
      const publicUrl = app.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`;
      const invitation = await createInvitation(req.ctx, req.body, {
        publicUrl,
        mailer: app.mailer,
        log: (err) => req.log.error({ err }, 'invitation email failed'),
      });
      return reply.code(201).send(invitation);
    },
  });
  r.delete('/invitations/:id', {
    schema: {
      tags: ['Users'],
      summary: 'Revoke a pending invitation (admins)',
      params: IdParamsSchema,
      response: { 204: z.null(), ...problems },
    },
    handler: async (req, reply) => {
      await revokeInvitation(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });
  r.get('/api-keys', {
    schema: {
      tags: ['API keys'],
      summary: 'Your API keys (without secrets)',
      response: { 200: list(ApiKeySchema), 401: ProblemSchema },
    },
    handler: async (req) => ({ data: await listApiKeys(req.ctx) }),
  });
  r.post('/api-keys', {
    schema: {
      tags: ['API keys'],
      summary: 'Create an API key; `key` is shown only in this answer',
      body: CreateApiKeyInput,
      response: { 201: CreatedApiKeySchema, ...problems },
    },
    handler: async (req, reply) => reply.code(201).send(await createApiKey(req.ctx, req.body.name)),
  });
  r.delete('/api-keys/:id', {
    schema: {
      tags: ['API keys'],
      summary: 'Revoke an API key',
      params: IdParamsSchema,
      response: { 204: z.null(), ...problems },
    },
    handler: async (req, reply) => {
      await revokeApiKey(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });
}
