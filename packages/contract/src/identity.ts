import { z } from 'zod';
import { IdSchema, requiredText, TimestampSchema } from './common.js';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DATA_SCOPES = ['own', 'department', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

/** Objects that roles grant rights on. A new object adds its name here. */
export const PERMISSION_OBJECTS = [
  'account',
  'contact',
  'lead',
  'opportunity',
  'activity',
  'task',
] as const;
export type PermissionObject = (typeof PERMISSION_OBJECTS)[number];

/** Per-field access a role can restrict: hidden (never shown, never written) or read-only. */
export const FIELD_ACCESS = ['hidden', 'readOnly'] as const;
export type FieldAccess = (typeof FIELD_ACCESS)[number];

/** The fields of each object a role may hide or make read-only (names and owners stay visible). */
export const RESTRICTABLE_FIELDS = {
  account: [
    'industry',
    'size',
    'country',
    'province',
    'city',
    'address',
    'website',
    'phone',
    'creditCode',
    'tier',
    'source',
    'campaign',
    'status',
    'tags',
    'notes',
  ],
  contact: [
    'title',
    'department',
    'email',
    'phones',
    'wechat',
    'buyingRole',
    'source',
    'campaign',
    'accountId',
    'reportsToId',
    'notes',
  ],
  lead: [
    'title',
    'email',
    'phones',
    'wechat',
    'source',
    'campaign',
    'industry',
    'region',
    'lifecycleStage',
    'notes',
  ],
  opportunity: [
    'amount',
    'expectedCloseDate',
    'forecastCategory',
    'source',
    'competitors',
    'nextStep',
    'lossReason',
    'notes',
  ],
  activity: ['body', 'outcome', 'location'],
  task: ['description'],
} as const satisfies Record<PermissionObject, readonly string[]>;

export const ObjectPermissionSchema = z
  .object({
    create: z.boolean(),
    read: z.boolean(),
    update: z.boolean(),
    delete: z.boolean(),
    scope: z.enum(DATA_SCOPES),
    /** Field name → access; fields not listed are readable and writable. */
    fields: z.record(z.string(), z.enum(FIELD_ACCESS)).optional(),
  })
  // Writing records one cannot see makes no sense and would leak through error answers.
  .refine((p) => p.read || !(p.create || p.update || p.delete), {
    message: 'create, update and delete need read',
    path: ['read'],
  });
export type ObjectPermission = z.infer<typeof ObjectPermissionSchema>;

export const RolePermissionsSchema = z
  .object({
    objects: z.partialRecord(z.enum(PERMISSION_OBJECTS), ObjectPermissionSchema),
    /** Workspace administration: users, roles, departments, invitations. */
    manageWorkspace: z.boolean(),
  })
  .superRefine((value, ctx) => {
    for (const object of PERMISSION_OBJECTS) {
      const allowed: readonly string[] = RESTRICTABLE_FIELDS[object];
      for (const field of Object.keys(value.objects[object]?.fields ?? {})) {
        if (!allowed.includes(field)) {
          ctx.addIssue({
            code: 'custom',
            path: ['objects', object, 'fields', field],
            message: `cannot be restricted; use one of ${allowed.join(', ')}`,
          });
        }
      }
    }
  });
export type RolePermissions = z.infer<typeof RolePermissionsSchema>;

export const BUILTIN_ROLE_KEYS = ['admin', 'sales_manager', 'sales_rep'] as const;

export const RoleSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    builtinKey: z.enum(BUILTIN_ROLE_KEYS).nullable(),
    permissions: RolePermissionsSchema,
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;
export const CreateRoleInput = z.strictObject({
  name: requiredText(80),
  permissions: RolePermissionsSchema,
});
export const UpdateRoleInput = z.strictObject({
  name: requiredText(80).optional(),
  permissions: RolePermissionsSchema.optional(),
});

export const DepartmentSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    parentId: IdSchema.nullable(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof DepartmentSchema>;
export const CreateDepartmentInput = z.strictObject({
  name: requiredText(80),
  parentId: IdSchema.nullable().optional(),
});
export const UpdateDepartmentInput = CreateDepartmentInput.partial();

export const USER_STATUSES = ['active', 'deactivated'] as const;
export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    locale: z.enum(LOCALES).nullable(),
    roleId: IdSchema,
    departmentId: IdSchema.nullable(),
    status: z.enum(USER_STATUSES),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;
export const UpdateUserInput = z.strictObject({
  name: requiredText(120).optional(),
  roleId: IdSchema.optional(),
  departmentId: IdSchema.nullable().optional(),
  status: z.enum(USER_STATUSES).optional(),
});

export const WorkspaceSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    defaultLocale: z.enum(LOCALES),
    timeZone: z.string(),
    currency: z.string(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Workspace' });
export type Workspace = z.infer<typeof WorkspaceSchema>;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address such as name@example.com' }));
const password = z
  .string()
  .min(8, { message: 'must be at least 8 characters' })
  .max(200, { message: 'must be at most 200 characters' });

export const SignupInput = z
  .strictObject({
    email,
    password,
    name: requiredText(120),
    workspaceName: requiredText(120),
    locale: z.enum(LOCALES).optional(),
  })
  .meta({ id: 'Signup' });
export type SignupInput = z.infer<typeof SignupInput>;

export const LoginInput = z
  .strictObject({
    email,
    password: z.string().min(1, { message: 'is required' }).max(200),
    workspaceId: IdSchema.optional(),
  })
  .meta({ id: 'Login' });
export type LoginInput = z.infer<typeof LoginInput>;

export const MeSchema = z
  .object({
    user: UserSchema,
    workspace: WorkspaceSchema,
    role: RoleSchema,
    workspaces: z.array(z.object({ id: IdSchema, name: z.string() })),
    /**
     * Whose records a `department` data scope covers: the members of the person's department and
     * the departments below it, the person included (only the person without a department).
     * With the role's scopes it tells which records the person may change, not just read.
     */
    teamUserIds: z.array(IdSchema),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const ApiKeySchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    prefix: z.string(),
    createdAt: TimestampSchema,
    lastUsedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKeySchema>;
export const CreatedApiKeySchema = ApiKeySchema.extend({ key: z.string() });
export const CreateApiKeyInput = z.strictObject({ name: requiredText(80) });

export const InvitationSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    roleId: IdSchema,
    departmentId: IdSchema.nullable(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    expiresAt: TimestampSchema,
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof InvitationSchema>;
export const CreatedInvitationSchema = InvitationSchema.extend({
  token: z.string(),
  acceptUrl: z.string(),
  /** True when the invitation was emailed (SMTP configured and accepted the message). */
  emailSent: z.boolean(),
});
export const CreateInvitationInput = z.strictObject({
  email,
  roleId: IdSchema,
  departmentId: IdSchema.nullable().optional(),
});
export const AcceptInvitationInput = z.strictObject({
  token: z.string().min(10).max(200),
  name: requiredText(120),
  password,
});
