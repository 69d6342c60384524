export { PoolList, type PoolSearch, validatePoolSearch } from './PoolList';
export { PoolSettings } from './PoolSettings';
export { ReturnToPoolButton } from './ReturnToPoolButton';
export { TransferRecordsAction } from './TransferRecordsAction';
