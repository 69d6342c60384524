export { ApiKeyList } from './ApiKeyList';
export { useUserNames, useUsers } from './api';
export { InvitationList } from './InvitationList';
export { OwnerSelect } from './OwnerSelect';
export { SettingsLayout } from './SettingsLayout';
export { UserList } from './UserList';
