export { contactRoutes } from './contacts.routes.js';
export { createContact, getContact, listContacts } from './contacts.service.js';
