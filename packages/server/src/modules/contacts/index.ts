import { registerClaimFollower } from '../../platform/ownership.js';
import { registerRelinker } from '../../platform/relinks.js';
import { followAccountClaim } from './contact-owners.js';
import { relinkAccountContacts } from './contacts.service.js';
import { relinkDirectReports } from './org-chart.js';

export { transferContacts } from './contact-owners.js';
export { contactRoutes } from './contacts.routes.js';
export {
  contactNameSource,
  createContact,
  getContact,
  getContactNames,
  listContacts,
  updateContact,
} from './contacts.service.js';

registerClaimFollower('account', 'contacts', followAccountClaim);
registerRelinker('account', 'contacts', relinkAccountContacts);
// Merging two contacts: the contacts that reported to the merged one report to the one kept
// (the merge report counts them as moved contacts).
registerRelinker('contact', 'contacts', relinkDirectReports);
