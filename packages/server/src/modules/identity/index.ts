export { getMe, resolveApiKey, resolveSession, startSession } from './auth.service.js';
export { identityRoutes } from './identity.routes.js';
export * as identityTables from './identity.tables.js';
export { isAssignableMember } from './members.js';
export { listDepartmentSubtreeUserIds } from './scope.js';
export { hashPassword } from './secrets.js';
export { createWorkspace } from './workspace-setup.js';
