import type { AuditEntry, RolePermissions } from '@guanxi/contract';
import { useTranslation } from 'react-i18next';
import { useFieldLabel } from '../../i18n/fields';
import type { HistoryFormat } from '../../records/record-type';
import { useRecordView } from '../../records/view';
import { accountRecord } from '../accounts/record';
import { contactRecord } from '../contacts/record';
import { useDepartments, useRoles } from './api';
import { useRoleName } from './role-name';
import { usePermissionSummary } from './role-permissions';

const RECORD_HISTORY: Partial<Record<string, HistoryFormat>> = {
  account: accountRecord.history,
  contact: contactRecord.history,
};
const STATUS_ENUMS = { user: 'userStatus', invitation: 'invitationStatus' } as const;

const isPermissions = (value: unknown): value is RolePermissions =>
  typeof value === 'object' && value !== null && 'objects' in value;

/** Words any audit entry's fields and values: names instead of ids, enums translated. */
export function useAuditFormat() {
  const { t } = useTranslation();
  const view = useRecordView();
  const roleName = useRoleName();
  const summary = usePermissionSummary();
  const roles = useRoles();
  const departments = useDepartments();
  const accountField = useFieldLabel('accounts');
  const contactField = useFieldLabel('contacts');
  const settingField = useFieldLabel('auditLog');

  const departmentName = (id: string) => departments.data?.find((d) => d.id === id)?.name;
  const roleNameOf = (id: string) => {
    const role = roles.data?.find((r) => r.id === id);
    return role && roleName(role);
  };

  const fieldLabel = (entry: AuditEntry, field: string) =>
    entry.objectType === 'account'
      ? accountField(field)
      : entry.objectType === 'contact'
        ? contactField(field)
        : settingField(field);

  const value = (entry: AuditEntry, field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return t('common.empty');
    if (typeof raw === 'string') {
      if (field === 'ownerId') return view.userName(raw) ?? raw;
      if (field === 'roleId') return roleNameOf(raw) ?? raw;
      if (field === 'departmentId' || field === 'parentId') return departmentName(raw) ?? raw;
      const statusKind = STATUS_ENUMS[entry.objectType as keyof typeof STATUS_ENUMS];
      if (field === 'status' && statusKind) return view.label(statusKind, raw);
    }
    if (field === 'permissions' && isPermissions(raw)) return summary(raw);
    const format = RECORD_HISTORY[entry.objectType];
    const kind = format?.enumFields?.[field];
    if (kind && typeof raw === 'string') return view.label(kind, raw);
    const worded = format?.fields?.[field]?.(raw, view);
    if (worded !== undefined) return worded;
    if (Array.isArray(raw)) return raw.join(', ');
    return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  };

  /** What the entry is about, by name: the current name when known, else the one it had. */
  const recordName = (entry: AuditEntry): string | undefined => {
    const current =
      entry.objectType === 'role'
        ? roleNameOf(entry.recordId)
        : entry.objectType === 'department'
          ? departmentName(entry.recordId)
          : entry.objectType === 'user'
            ? view.userName(entry.recordId)
            : undefined;
    if (current) return current;
    const named = entry.changes.find((c) => c.field === 'name' || c.field === 'email');
    const text = named && (named.new ?? named.old);
    return typeof text === 'string' ? text : undefined;
  };

  return { fieldLabel, value, recordName };
}
