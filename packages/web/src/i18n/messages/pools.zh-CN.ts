/** zh-CN text of the pools feature; `pools.en.ts` must match its keys. */
export const poolsZhCN = {
  messages: {},
  enums: {},
};
