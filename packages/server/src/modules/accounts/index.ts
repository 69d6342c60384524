export { noteAccountActivity, setAccountLastActivity } from './account-activity.js';
export { accountPool, transferAccounts } from './account-pool.js';
export { noteAccountWon } from './account-won.js';
export { accountRoutes } from './accounts.routes.js';
export {
  assertAccountLinkable,
  createAccount,
  getAccount,
  getAccountNames,
  listAccounts,
} from './accounts.service.js';
