// Importing the module registers its merge relinkers.
import './relinks.js';

export { activityRoutes } from './activities.routes.js';
export {
  createActivity,
  getActivity,
  listActivities,
} from './activities.service.js';
export { type ConvertedLinks, relinkLeadActivities } from './relinks.js';
