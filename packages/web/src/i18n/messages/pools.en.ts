import type { poolsZhCN } from './pools.zh-CN';

export const poolsEn: typeof poolsZhCN = {
  messages: {},
  enums: {},
};
