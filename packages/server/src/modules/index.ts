// Every module, in the order their routes are registered. Importing this also runs each module's
// registrations with the shared platform (workspace defaults, merge relinkers, job handlers).
import { accountRoutes } from './accounts/index.js';
import { contactRoutes } from './contacts/index.js';
import { identityRoutes } from './identity/index.js';

export const moduleRoutes = [identityRoutes, accountRoutes, contactRoutes];
