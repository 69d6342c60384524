import type { Locale } from '@guanxi/contract';
import type { Executor } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { BUILTIN_ROLES } from '../../platform/permissions.js';
import { applyWorkspaceDefaults } from '../../platform/workspace-defaults.js';
import { departments, roles, workspaces } from './identity.tables.js';

export type NewWorkspace = {
  workspaceId: string;
  roleIds: Record<keyof typeof BUILTIN_ROLES, string>;
  rootDepartmentId: string;
};

/**
 * A workspace with its built-in roles, a root department and every module's defaults, named in
 * its language.
 */
export async function createWorkspace(
  tx: Executor,
  input: { name: string; locale: Locale; now: Date },
): Promise<NewWorkspace> {
  const workspaceId = newId();
  await tx.insert(workspaces).values({
    id: workspaceId,
    name: input.name,
    defaultLocale: input.locale,
    timeZone: input.locale === 'zh-CN' ? 'Asia/Shanghai' : 'UTC',
    currency: input.locale === 'zh-CN' ? 'CNY' : 'USD',
    createdAt: input.now,
  });
  const roleIds = {} as NewWorkspace['roleIds'];
  for (const [key, def] of Object.entries(BUILTIN_ROLES) as [
    keyof typeof BUILTIN_ROLES,
    (typeof BUILTIN_ROLES)[keyof typeof BUILTIN_ROLES],
  ][]) {
    roleIds[key] = newId();
    await tx.insert(roles).values({
      workspaceId,
      id: roleIds[key],
      name: def.name[input.locale],
      builtinKey: key,
      permissions: def.permissions,
      createdAt: input.now,
    });
  }
  const rootDepartmentId = newId();
  await tx.insert(departments).values({
    workspaceId,
    id: rootDepartmentId,
    name: input.locale === 'zh-CN' ? '总部' : 'Headquarters',
    parentId: null,
    createdAt: input.now,
  });
  await applyWorkspaceDefaults(tx, { workspaceId, locale: input.locale, now: input.now });
  return { workspaceId, roleIds, rootDepartmentId };
}
