export { ApiKeyList } from './ApiKeyList';
export { AuditLog } from './AuditLog';
export { useUserNames, useUsers } from './api';
export { DepartmentList } from './DepartmentList';
export { InvitationList } from './InvitationList';
export { OwnerSelect } from './OwnerSelect';
export { RoleList } from './RoleList';
export { SettingsLayout } from './SettingsLayout';
export { UserList } from './UserList';
