import {
  type DataScope,
  type FieldAccess,
  type ObjectPermission,
  PERMISSION_OBJECTS,
  type PermissionObject,
  type RolePermissions,
} from '@guanxi/contract';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../i18n/enums';

export const RIGHTS = ['create', 'read', 'update', 'delete'] as const;
export type Right = (typeof RIGHTS)[number];

export const NO_ACCESS: ObjectPermission = {
  create: false,
  read: false,
  update: false,
  delete: false,
  scope: 'own',
};

/** A new role starts able to read its own accounts and contacts, and nothing more. */
export const newRolePermissions = (): RolePermissions => ({
  objects: Object.fromEntries(
    PERMISSION_OBJECTS.map((object) => [object, { ...NO_ACCESS, read: true }]),
  ),
  manageWorkspace: false,
});

export const permissionOf = (permissions: RolePermissions, object: PermissionObject) =>
  permissions.objects[object] ?? NO_ACCESS;

/**
 * One checkbox changed: writing needs reading, so granting a write right grants Read too,
 * and taking Read away takes the write rights with it.
 */
export const withRight = (
  current: ObjectPermission,
  right: Right,
  granted: boolean,
): ObjectPermission => {
  if (right === 'read' && !granted) return { ...NO_ACCESS, scope: current.scope };
  const next = { ...current, [right]: granted };
  return granted ? { ...next, read: true } : next;
};

export const withScope = (current: ObjectPermission, scope: DataScope): ObjectPermission => ({
  ...current,
  scope,
});

/** A field's choice in the role editor: the default (not stored) or a restriction. */
export type FieldChoice = 'editable' | FieldAccess;
export const FIELD_CHOICES: readonly FieldChoice[] = ['editable', 'readOnly', 'hidden'];

export const fieldChoiceOf = (permission: ObjectPermission, field: string): FieldChoice =>
  permission.fields?.[field] ?? 'editable';

/** One field's access changed; the default is left out, and so is an empty `fields`. */
export const withFieldAccess = (
  current: ObjectPermission,
  field: string,
  choice: FieldChoice,
): ObjectPermission => {
  const { [field]: _previous, ...others } = current.fields ?? {};
  const fields = choice === 'editable' ? others : { ...others, [field]: choice };
  const { fields: _fields, ...rest } = current;
  return Object.keys(fields).length > 0 ? { ...rest, fields } : rest;
};

/** "Accounts: Create, Read (All); Contacts: Read (Own); Workspace administration". */
export const usePermissionSummary = () => {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  return (permissions: RolePermissions): string => {
    const parts = PERMISSION_OBJECTS.flatMap((object) => {
      const permission = permissionOf(permissions, object);
      const rights = RIGHTS.filter((right) => permission[right]);
      if (rights.length === 0) return [];
      return [
        t('roles.summaryObject', {
          object: label('permissionObject', object),
          rights: rights
            .map((right) => t(`roles.rights.${right}`))
            .join(t('roles.rightsSeparator')),
          scope: label('dataScope', permission.scope),
        }),
      ];
    });
    if (permissions.manageWorkspace) parts.push(t('roles.manageWorkspace'));
    return parts.length ? parts.join(t('roles.summarySeparator')) : t('roles.noAccess');
  };
};
