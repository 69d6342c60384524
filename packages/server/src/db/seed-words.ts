import type { ActivityKind, Locale } from '@guanxi/contract';

// What people of the demo write: deal names, loss reasons, follow-up subjects, return reasons,
// in the language of the account (Chinese accounts in Chinese, international ones in English).

type Words = Record<Locale, readonly string[]>;

export const RENEWAL_NAMES: Words = {
  'zh-CN': [
    '年度订阅续约',
    '增购 50 个席位',
    '扩展模块：数据分析',
    '服务升级至企业版',
    '新增子公司部署',
  ],
  en: [
    'Annual renewal',
    'Expansion: +50 seats',
    'Add-on: analytics',
    'Upgrade to Enterprise',
    'Rollout to a new subsidiary',
  ],
};

export const LOSS_REASONS: Words = {
  'zh-CN': [
    '价格超出预算',
    '选择了竞争对手（销售易）',
    '项目延期，预算冻结',
    '客户内部决策层变动',
    '定制需求无法满足',
    '客户选择自研',
  ],
  en: [
    'Went with Salesforce',
    'Budget cut for this year',
    'Project postponed',
    'No decision made',
    'Missing an ERP integration',
    'Built it in-house',
  ],
};

export const CHURN_REASONS: Words = {
  'zh-CN': ['业务收缩，不再续约', '改用集团统一采购的系统', '预算削减，暂停增购'],
  en: ['Downsizing, will not renew', 'Moving to the group-wide system', 'Expansion put on hold'],
};

/** Per pipeline (new business, renewals) and stage index: the activity that moved the deal. */
export const STAGE_WORK: Record<'new' | 'renewal', [ActivityKind, Words][]> = {
  new: [
    [
      'call',
      {
        'zh-CN': ['首次电话沟通，了解业务现状', '电话确认项目背景'],
        en: ['Intro call: current process', 'Discovery call'],
      },
    ],
    [
      'visit',
      {
        'zh-CN': ['上门调研业务需求', '拜访信息化负责人'],
        en: ['On-site discovery workshop', 'Visit with the IT director'],
      },
    ],
    [
      'email',
      {
        'zh-CN': ['发送解决方案与报价单', '提交技术方案'],
        en: ['Sent the proposal and quote', 'Shared the solution design'],
      },
    ],
    [
      'meeting',
      {
        'zh-CN': ['商务条款谈判', '与采购部确认付款条件'],
        en: ['Negotiated commercial terms', 'Payment terms with procurement'],
      },
    ],
    ['visit', { 'zh-CN': ['合同签署', '签约仪式'], en: ['Contract signed', 'Signing meeting'] }],
    ['note', { 'zh-CN': ['客户确认不再推进'], en: ['Customer decided not to proceed'] }],
  ],
  renewal: [
    ['call', { 'zh-CN': ['提醒合同即将到期'], en: ['Renewal reminder call'] }],
    ['meeting', { 'zh-CN': ['年度使用情况回顾'], en: ['Annual usage review'] }],
    ['email', { 'zh-CN': ['发送续约与增购报价'], en: ['Sent the renewal quote'] }],
    ['note', { 'zh-CN': ['客户内部合同审批中'], en: ['Contract in customer approval'] }],
    ['meeting', { 'zh-CN': ['续约合同已回签'], en: ['Renewal signed'] }],
    ['call', { 'zh-CN': ['客户确认不再续约'], en: ['Customer will not renew'] }],
  ],
};

export const FOLLOW_UPS: Record<Locale, [ActivityKind, string][]> = {
  'zh-CN': [
    ['call', '例行电话回访'],
    ['visit', '上门拜访，了解近期采购计划'],
    ['email', '发送新版本功能介绍'],
    ['meeting', '季度业务回顾'],
    ['call', '确认发票与回款进度'],
    ['note', '客户计划下季度扩大使用范围'],
    ['email', '邀请参加年度客户大会'],
    ['visit', '陪同技术顾问现场支持'],
  ],
  en: [
    ['call', 'Check-in call'],
    ['visit', 'On-site visit: plans for next quarter'],
    ['email', 'Shared the product update'],
    ['meeting', 'Quarterly business review'],
    ['call', 'Followed up on the invoice'],
    ['note', 'Plans to roll out to more teams next quarter'],
    ['email', 'Invited to the customer summit'],
  ],
};

export const LEAD_WORK: Record<Locale, [ActivityKind, string][]> = {
  'zh-CN': [
    ['call', '电话初步了解需求'],
    ['email', '发送产品介绍资料'],
    ['meeting', '线上产品演示'],
  ],
  en: [
    ['call', 'Qualification call'],
    ['email', 'Sent the product overview'],
    ['meeting', 'Live demo'],
  ],
};

export const OUTCOMES: Words = {
  'zh-CN': [
    '客户有意向，待报价',
    '需要再次沟通',
    '已约下次会议',
    '对方认可方案',
    '需内部汇报后答复',
  ],
  en: [
    'Interested, waiting for a quote',
    'Needs another call',
    'Next meeting booked',
    'Likes the proposal',
    'Will report back internally',
  ],
};

export const NOTES: Words = {
  'zh-CN': [
    '客户关注数据迁移和培训安排。',
    '采购流程需要三家比价。',
    '对方希望分两期付款。',
    '技术负责人倾向于私有化部署。',
  ],
  en: [
    'They care about data migration and training.',
    'Procurement needs three quotes.',
    'They asked to pay in two instalments.',
    'The tech lead prefers single sign-on first.',
  ],
};

export const ACCOUNT_RETURN_REASONS: Words = {
  'zh-CN': [
    '客户暂无采购计划，半年后再跟进',
    '联系人已离职，需要重新建立关系',
    '预算被砍，项目无限期搁置',
    '已选择竞争对手',
    '客户规模与产品不匹配',
    '多次联系无回应',
  ],
  en: [
    'No budget this year',
    'Our champion left the company',
    'Chose a competitor',
    'Not a fit for our product',
    'No response after several attempts',
  ],
};

export const LEAD_RETURN_REASONS: Words = {
  'zh-CN': ['电话空号', '暂无需求', '非决策人，无法推进', '预算不足，明年再看'],
  en: ['Wrong number', 'No need right now', 'Not a decision maker', 'Unresponsive'],
};

export const DISQUALIFY_REASONS: Words = {
  'zh-CN': ['个人咨询，非企业客户', '公司规模过小', '同行了解产品', '无预算也无计划'],
  en: ['Student, not a buyer', 'Company too small', 'A competitor asking', 'No budget and no plan'],
};
