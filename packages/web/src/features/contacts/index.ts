import { ContactDetail } from './ContactDetail';
import { ContactList } from './ContactList';
import { contactRecord } from './record';

export {
  ACCOUNT_CONTACTS_LIMIT,
  accountContactsFilter,
  contactsApi,
  useAccountContacts,
  useContactOptions,
} from './api';
export { BUYING_ROLE_COLORS, BuyingRoleBadge } from './badges';
export { contactColumns } from './ContactList';
export type { ContactDefaults } from './form-values';
export { OrgChart } from './OrgChart';
export { buildOrgTree, type OrgNode } from './org-tree';
export { contactRecord } from './record';

/** What the router mounts at /contacts and /contacts/$id. */
export const contactPages = { ...contactRecord, List: ContactList, Detail: ContactDetail };
