/** zh-CN text of the opportunities feature; `opportunities.en.ts` must match its keys. */
export const opportunitiesZhCN = {
  messages: {
    opportunities: {
      fields: {
        name: '名称',
        amount: '金额',
        expectedCloseDate: '预计成交日期',
        forecastCategory: '预测类别',
        source: '来源',
        competitors: '竞争对手',
        nextStep: '下一步',
        lossReason: '输单原因',
        notes: '备注',
      },
    },
  },
  enums: {},
};
