import { ContactDetail } from './ContactDetail';
import { ContactList } from './ContactList';
import { contactRecord } from './record';

export { accountContactsFilter, contactsApi, useContactOptions } from './api';
export { contactColumns } from './ContactList';
export { contactRecord } from './record';

/** What the router mounts at /contacts and /contacts/$id. */
export const contactPages = { ...contactRecord, List: ContactList, Detail: ContactDetail };
