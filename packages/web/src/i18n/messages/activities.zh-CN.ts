/** zh-CN text of the activities feature; `activities.en.ts` must match its keys. */
export const activitiesZhCN = {
  messages: {
    activities: {
      fields: {
        subject: '主题',
        body: '内容',
        outcome: '结果',
        location: '地点',
      },
    },
    tasks: {
      fields: {
        title: '标题',
        description: '描述',
      },
    },
  },
  enums: {},
};
