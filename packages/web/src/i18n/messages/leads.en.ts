import type { leadsZhCN } from './leads.zh-CN';

export const leadsEn: typeof leadsZhCN = {
  messages: {
    leads: {
      fields: {
        name: 'Name',
        company: 'Company',
        title: 'Title',
        email: 'Email',
        phones: 'Phones',
        wechat: 'WeChat',
        source: 'Source',
        campaign: 'Campaign',
        industry: 'Industry',
        region: 'Region',
        lifecycleStage: 'Lifecycle stage',
        notes: 'Notes',
      },
    },
  },
  enums: {},
};
