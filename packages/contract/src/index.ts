export * from './accounts.js';
export * from './common.js';
export * from './contacts.js';
export * from './identity.js';
export * from './messages.js';
