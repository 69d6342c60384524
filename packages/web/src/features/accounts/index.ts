import { AccountDetail } from './AccountDetail';
import { AccountList } from './AccountList';
import { accountRecord } from './record';

export { accountsApi, useAccountOptions } from './api';
export { accountRecord } from './record';

/** What the router mounts at /accounts and /accounts/$id. */
export const accountPages = { ...accountRecord, List: AccountList, Detail: AccountDetail };
