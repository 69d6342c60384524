export { getMe, resolveApiKey, resolveSession, startSession } from './auth.service.js';
export { listDepartments } from './departments.service.js';
export { identityRoutes } from './identity.routes.js';
export * as identityTables from './identity.tables.js';
export { isAssignableMember, isWorkspaceMember } from './members.js';
export { listDepartmentSubtreeUserIds } from './scope.js';
export { hashPassword, safeEqual } from './secrets.js';
export { getUserNames } from './users.service.js';
export { createWorkspace } from './workspace-setup.js';
