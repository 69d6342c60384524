import { type Faker, fakerEN_US, fakerZH_CN } from '@faker-js/faker';
import type { CreateLeadInput, Locale } from '@guanxi/contract';
import { LEAD_SOURCES } from '@guanxi/contract';
import { createLead } from '../../src/modules/leads/index.js';
import type { Ctx } from '../../src/platform/context.js';
import * as data from './sample-data.js';

const CN_CAMPAIGNS = ['2025 春季展会', '官网试用申请', '行业白皮书下载', '渠道伙伴推荐'] as const;
const INTL_CAMPAIGNS = [
  'Spring webinar',
  'Free trial signup',
  'Trade show Berlin',
  'Partner referral',
] as const;
const CN_REGIONS = ['华东', '华南', '华北', '西南', '华中'] as const;
const INTL_REGIONS = ['EMEA', 'North America', 'APAC'] as const;

const pick = <T>(f: Faker, list: readonly T[]): T => f.helpers.arrayElement(list);

/**
 * Realistic lead fields: a person at a company that is not a customer yet, with a source and a
 * campaign. Email addresses and phone numbers are unique enough not to trip the duplicate check.
 */
export function leadInput(f: Faker = fakerEN_US, locale: Locale = 'en'): CreateLeadInput {
  const serial = f.string.numeric(6);
  if (locale === 'zh-CN') {
    const [city] = pick(f, data.CN_CITIES);
    return {
      name: fakerZH_CN.person.lastName() + fakerZH_CN.person.firstName(),
      company: `${city}${pick(f, data.CN_BRANDS)}${pick(f, data.CN_INDUSTRY_WORDS.software)}${serial}有限公司`,
      title: pick(f, data.CN_TITLES),
      email: `lead${serial}${f.number.int(99)}@example.cn`,
      phones: [
        { label: 'mobile', number: `+86 139 ${f.string.numeric(4)} ${f.string.numeric(4)}` },
      ],
      wechat: `wx_${fakerEN_US.string.alphanumeric({ length: 8, casing: 'lower' })}`,
      source: pick(f, LEAD_SOURCES),
      campaign: pick(f, CN_CAMPAIGNS),
      industry: 'software',
      region: pick(f, CN_REGIONS),
    };
  }
  const first = f.person.firstName();
  const last = f.person.lastName();
  return {
    name: `${first} ${last}`,
    company: `${pick(f, data.INTL_NAME_PARTS)} ${serial} Ltd`,
    title: pick(f, data.INTL_TITLES),
    email: `${first}.${last}.${serial}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
    phones: [
      {
        label: 'work',
        number: `+1 ${f.string.numeric(3)} ${f.string.numeric(3)} ${f.string.numeric(4)}`,
      },
    ],
    source: pick(f, LEAD_SOURCES),
    campaign: pick(f, INTL_CAMPAIGNS),
    industry: 'software',
    region: pick(f, INTL_REGIONS),
  };
}

/** A lead with realistic defaults; duplicates of other test data are allowed. */
export const createTestLead = (ctx: Ctx, overrides: Partial<CreateLeadInput> = {}) =>
  createLead({ ...ctx, allowDuplicates: true }, { ...leadInput(), ...overrides });
