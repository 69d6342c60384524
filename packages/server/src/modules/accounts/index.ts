import { liveRecordsInScope, registerScopeSource } from '../../platform/read-through.js';
import { accountObject } from './accounts.service.js';

export { noteAccountActivity, setAccountLastActivity } from './account-activity.js';
export { accountPool, transferAccounts } from './account-pool.js';
export { noteAccountWon } from './account-won.js';
export { accountRoutes } from './accounts.routes.js';
export {
  accountNameSource,
  assertAccountLinkable,
  createAccount,
  getAccount,
  getAccountNames,
  listAccounts,
} from './accounts.service.js';

// Activities and tasks on an account are readable by whoever can see the account.
registerScopeSource('account', liveRecordsInScope(accountObject));
