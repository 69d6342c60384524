// Every module, in the order their routes are registered. Importing this also runs each module's
// registrations with the shared platform (workspace defaults, merge relinkers, job handlers).
import { accountOverviewRoutes } from '../flows/account-overview.routes.js';
import { convertLeadRoutes } from '../flows/convert-lead.routes.js';
import { transferRoutes } from '../flows/transfer-records.routes.js';
import { accountRoutes } from './accounts/index.js';
import { activityRoutes } from './activities/index.js';
import { contactRoutes } from './contacts/index.js';
import { identityRoutes } from './identity/index.js';
import { leadRoutes } from './leads/index.js';
import { notificationRoutes } from './notifications/index.js';
import { opportunityRoutes, pipelineRoutes } from './opportunities/index.js';
import { poolRoutes } from './pools/index.js';
import { taskRoutes } from './tasks/index.js';

export const moduleRoutes = [
  identityRoutes,
  accountRoutes,
  accountOverviewRoutes,
  contactRoutes,
  leadRoutes,
  convertLeadRoutes,
  pipelineRoutes,
  opportunityRoutes,
  poolRoutes,
  transferRoutes,
  activityRoutes,
  taskRoutes,
  notificationRoutes,
];
