import { LeadDetail } from './LeadDetail';
import { LeadList } from './LeadList';
import { leadRecord } from './record';

export { leadsApi, useLeadOptions } from './api';
export { leadColumns } from './LeadList';
export { leadRecord } from './record';

/** What the router mounts at /leads and /leads/$id. */
export const leadPages = { ...leadRecord, List: LeadList, Detail: LeadDetail };
