// Every table, for drizzle-kit and the typed query builder.
export * from '../modules/accounts/accounts.tables.js';
export * from '../modules/contacts/contacts.tables.js';
export * from '../modules/identity/identity.tables.js';
export * from '../platform/platform.tables.js';
