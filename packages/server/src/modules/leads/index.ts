import { registerRelinker } from '../../platform/relinks.js';
import { relinkConvertedLeads } from './leads.service.js';

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
  listLeads,
  noteLeadActivity,
} from './leads.service.js';

registerRelinker('account', 'leads', relinkConvertedLeads('convertedAccountId'));
registerRelinker('contact', 'leads', relinkConvertedLeads('convertedContactId'));
registerRelinker('opportunity', 'leads', relinkConvertedLeads('convertedOpportunityId'));
