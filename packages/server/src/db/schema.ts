// Every table, for drizzle-kit and the typed query builder.
export * from '../modules/accounts/accounts.tables.js';
export * from '../modules/activities/activities.tables.js';
export * from '../modules/contacts/contacts.tables.js';
export * from '../modules/identity/identity.tables.js';
export * from '../modules/leads/leads.tables.js';
export * from '../modules/notifications/notifications.tables.js';
export * from '../modules/opportunities/opportunities.tables.js';
export * from '../modules/pools/pools.tables.js';
export * from '../modules/tasks/tasks.tables.js';
export * from '../platform/duplicates.tables.js';
export * from '../platform/platform.tables.js';
