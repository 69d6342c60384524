/** zh-CN text of the leads feature; `leads.en.ts` must match its keys. */
export const leadsZhCN = {
  messages: {
    leads: {
      fields: {
        name: '姓名',
        company: '公司',
        title: '职位',
        email: '邮箱',
        phones: '电话',
        wechat: '微信',
        source: '来源',
        campaign: '市场活动',
        industry: '行业',
        region: '地区',
        lifecycleStage: '生命周期阶段',
        notes: '备注',
      },
    },
  },
  enums: {},
};
