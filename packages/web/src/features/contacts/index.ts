export { contactKeys, contactsApi, useContactOptions } from './api';
export { ContactDetail } from './ContactDetail';
export { ContactList } from './ContactList';
export { validateContactSearch } from './search';
