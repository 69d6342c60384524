export { accountRoutes } from './accounts.routes.js';
export {
  assertAccountLinkable,
  createAccount,
  getAccount,
  getAccountNames,
  listAccounts,
} from './accounts.service.js';
