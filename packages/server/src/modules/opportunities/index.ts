import { registerDefaultPipeline } from './default-pipeline.js';
import { registerOpportunityRelinkers } from './relinks.js';

export {
  type AccountOpportunitySummary,
  type MoneySum,
  summarizeAccountOpportunities,
} from './account-summary.js';
export { opportunityRoutes } from './opportunities.routes.js';
export {
  assertOpportunityLinkable,
  createOpportunity,
  getOpportunity,
  listOpportunities,
  updateOpportunity,
} from './opportunities.service.js';
export { transferOpportunities } from './opportunity-owners.js';
export { pipelineRoutes } from './pipelines.routes.js';
export { listPipelines } from './pipelines.service.js';

registerDefaultPipeline();
registerOpportunityRelinkers();
