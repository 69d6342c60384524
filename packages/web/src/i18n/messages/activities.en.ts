import type { activitiesZhCN } from './activities.zh-CN';

export const activitiesEn: typeof activitiesZhCN = {
  messages: {
    activities: {
      fields: {
        subject: 'Subject',
        body: 'Details',
        outcome: 'Outcome',
        location: 'Location',
      },
    },
    tasks: {
      fields: {
        title: 'Title',
        description: 'Description',
      },
    },
  },
  enums: {},
};
