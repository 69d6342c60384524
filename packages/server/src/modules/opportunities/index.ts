import { liveRecordsInScope, registerScopeSource } from '../../platform/read-through.js';
import { registerDefaultPipeline } from './default-pipeline.js';
import { opportunityObject } from './opportunities.service.js';
import { registerOpportunityRelinkers } from './relinks.js';

export {
  type AccountOpportunitySummary,
  type MoneySum,
  summarizeAccountOpportunities,
} from './account-summary.js';
export { setOpportunityContacts } from './contact-roles.service.js';
export { opportunityRoutes } from './opportunities.routes.js';
export {
  assertOpportunityLinkable,
  createOpportunity,
  getOpportunity,
  getOpportunityNames,
  listOpportunities,
  opportunityNameSource,
  updateOpportunity,
} from './opportunities.service.js';
export { transferOpportunities } from './opportunity-owners.js';
export { pipelineRoutes } from './pipelines.routes.js';
export { createPipeline, listPipelines } from './pipelines.service.js';

registerDefaultPipeline();
registerOpportunityRelinkers();
// Activities and tasks on an opportunity are readable by whoever can see the opportunity.
registerScopeSource('opportunity', liveRecordsInScope(opportunityObject));
