export { AccountDetail } from './AccountDetail';
export { AccountList } from './AccountList';
export { accountKeys, accountsApi, useAccountOptions } from './api';
export { validateAccountSearch } from './search';
