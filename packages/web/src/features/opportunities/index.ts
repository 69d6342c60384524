import { OpportunityDetail } from './OpportunityDetail';
import { OpportunityList, type OpportunityListSearch } from './OpportunityList';
import { opportunityRecord } from './record';

export { AccountOpportunities } from './AccountOpportunities';
export { opportunitiesApi, usePipelines } from './api';
export { opportunityColumns } from './OpportunityList';
export { PipelineSettings } from './PipelineSettings';
export { opportunityRecord } from './record';
export { StageBadge } from './StageBadge';

/** What the router mounts at /opportunities (list or board) and /opportunities/$id. */
export const opportunityPages = {
  ...opportunityRecord,
  validateSearch: (search: Record<string, unknown>): OpportunityListSearch => ({
    ...opportunityRecord.validateSearch(search),
    view: search.view === 'board' ? 'board' : undefined,
  }),
  List: OpportunityList,
  Detail: OpportunityDetail,
};
