import { registerClaimFollower } from '../../platform/ownership.js';
import { registerRelinker } from '../../platform/relinks.js';
import { followAccountClaim } from './contact-owners.js';
import { relinkAccountContacts } from './contacts.service.js';

export { transferContacts } from './contact-owners.js';
export { contactRoutes } from './contacts.routes.js';
export { createContact, getContact, listContacts, updateContact } from './contacts.service.js';

registerClaimFollower('account', 'contacts', followAccountClaim);
registerRelinker('account', 'contacts', relinkAccountContacts);
