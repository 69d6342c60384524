import { type Faker, fakerEN_US } from '@faker-js/faker';
import type { CreateOpportunityInput, Locale } from '@guanxi/contract';
import { OPPORTUNITY_SOURCES } from '@guanxi/contract';
import { createOpportunity } from '../../src/modules/opportunities/index.js';
import type { Ctx } from '../../src/platform/context.js';

const CN_DEALS = [
  'CRM 系统采购',
  '年度软件订阅',
  '数据平台建设',
  '生产线自动化改造',
  '云服务迁移',
  '门店数字化项目',
  'ERP 实施',
  '安全合规咨询',
  '设备维保续约',
  '智能仓储方案',
] as const;
const INTL_DEALS = [
  'CRM rollout',
  'Annual subscription',
  'Data platform',
  'Plant automation',
  'Cloud migration',
  'Retail analytics pilot',
  'ERP implementation',
  'Security audit',
  'Support renewal',
  'Warehouse robotics',
] as const;
const CN_COMPETITORS = ['纷享销客', '销售易', '用友', '金蝶'] as const;
const INTL_COMPETITORS = ['Salesforce', 'HubSpot', 'Pipedrive', 'Zoho'] as const;
const CN_NEXT_STEPS = ['安排产品演示', '发送报价单', '约见采购负责人', '提交技术方案'] as const;
const INTL_NEXT_STEPS = [
  'Schedule a demo',
  'Send the quote',
  'Meet procurement',
  'Share the proposal',
] as const;

/**
 * Realistic opportunity fields for an account: a deal name in the account's language, an
 * amount, a close date in the coming months, a source and competitors. Stage and pipeline are
 * left to the workspace's defaults unless given in `overrides`.
 */
export function opportunityInput(
  f: Faker = fakerEN_US,
  locale: Locale = 'en',
  accountId: string,
  overrides: Partial<CreateOpportunityInput> = {},
): CreateOpportunityInput {
  const zh = locale === 'zh-CN';
  const close = f.date.soon({ days: 150, refDate: new Date() });
  return {
    name: `${f.helpers.arrayElement(zh ? CN_DEALS : INTL_DEALS)} ${f.number.int({ min: 2025, max: 2027 })}`,
    accountId,
    amount: `${f.number.int({ min: 20, max: 2000 }) * 1000}.00`,
    expectedCloseDate: close.toISOString().slice(0, 10),
    source: f.helpers.arrayElement(OPPORTUNITY_SOURCES),
    competitors: f.helpers.arrayElements(zh ? CN_COMPETITORS : INTL_COMPETITORS, {
      min: 0,
      max: 2,
    }),
    nextStep: f.helpers.arrayElement(zh ? CN_NEXT_STEPS : INTL_NEXT_STEPS),
    ...overrides,
  };
}

export const createTestOpportunity = (
  ctx: Ctx,
  accountId: string,
  overrides: Partial<CreateOpportunityInput> = {},
) => createOpportunity(ctx, opportunityInput(fakerEN_US, 'en', accountId, overrides));
