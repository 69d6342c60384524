import type { opportunitiesZhCN } from './opportunities.zh-CN';

export const opportunitiesEn: typeof opportunitiesZhCN = {
  messages: {
    opportunities: {
      fields: {
        name: 'Name',
        amount: 'Amount',
        expectedCloseDate: 'Expected close date',
        forecastCategory: 'Forecast category',
        source: 'Source',
        competitors: 'Competitors',
        nextStep: 'Next step',
        lossReason: 'Loss reason',
        notes: 'Notes',
      },
    },
  },
  enums: {},
};
