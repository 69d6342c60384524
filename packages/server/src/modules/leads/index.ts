import { liveRecordsInScope, registerScopeSource } from '../../platform/read-through.js';
import { registerRelinker } from '../../platform/relinks.js';
import { leadObject, relinkConvertedLeads } from './leads.service.js';

export {
  type ConversionLinks,
  lockLeadForConversion,
  markLeadConverted,
} from './lead-conversion.js';
export { leadPool, transferLeads } from './lead-pool.js';
export { leadRoutes } from './leads.routes.js';
export {
  assertLeadLinkable,
  createLead,
  getLead,
  getLeadNames,
  leadNameSource,
  listLeads,
  noteLeadActivity,
  updateLead,
} from './leads.service.js';

// Activities and tasks on a lead are readable by whoever can see the lead.
registerScopeSource('lead', liveRecordsInScope(leadObject));
registerRelinker('account', 'leads', relinkConvertedLeads('convertedAccountId'));
registerRelinker('contact', 'leads', relinkConvertedLeads('convertedContactId'));
registerRelinker('opportunity', 'leads', relinkConvertedLeads('convertedOpportunityId'));
