import { type Faker, fakerEN_US } from '@faker-js/faker';
import type {
  ActivityKind,
  CreateActivityInput,
  CreateTaskInput,
  Locale,
  RecordLinkField,
} from '@guanxi/contract';
import { createActivity } from '../../src/modules/activities/index.js';
import { createTask } from '../../src/modules/tasks/index.js';
import type { Ctx } from '../../src/platform/context.js';

type Links = Partial<Record<RecordLinkField, string | null>>;

const SUBJECTS: Record<Locale, Record<ActivityKind, readonly string[]>> = {
  'zh-CN': {
    call: ['电话沟通采购预算', '电话确认需求范围', '回访使用情况'],
    meeting: ['方案评审会议', '季度业务回顾', '技术交流会'],
    visit: ['上门拜访采购部', '拜访总经理', '现场演示产品'],
    email: ['发送报价单', '发送产品资料', '跟进合同条款'],
    note: ['客户关注交付周期', '竞争对手也在接触', '预算下季度审批'],
  },
  en: {
    call: ['Call about budget', 'Discovery call', 'Check-in call'],
    meeting: ['Solution review', 'Quarterly business review', 'Technical workshop'],
    visit: ['On-site visit to procurement', 'Visit with the CEO', 'On-site demo'],
    email: ['Sent the quote', 'Sent product sheets', 'Followed up on contract terms'],
    note: [
      'Cares about delivery time',
      'Competitor is also talking to them',
      'Budget next quarter',
    ],
  },
};

const OUTCOMES: Record<Locale, readonly string[]> = {
  'zh-CN': ['客户有意向，待报价', '需要再次沟通', '已约下次会议'],
  en: ['Interested, waiting for a quote', 'Needs another call', 'Next meeting booked'],
};

/** Realistic activity fields on the given links, happened within the last 30 days of `now`. */
export function activityInput(
  links: Links,
  f: Faker = fakerEN_US,
  locale: Locale = 'en',
  now: Date = new Date(),
): CreateActivityInput {
  const kind = f.helpers.arrayElement(['call', 'meeting', 'visit', 'email', 'note'] as const);
  const occurredAt = new Date(now.getTime() - f.number.int({ min: 1, max: 30 * 24 * 60 }) * 60_000);
  return {
    kind,
    subject: f.helpers.arrayElement(SUBJECTS[locale][kind]),
    occurredAt: occurredAt.toISOString(),
    durationMinutes:
      kind === 'note' || kind === 'email' ? null : f.number.int({ min: 5, max: 120 }),
    outcome: kind === 'note' ? null : f.helpers.arrayElement(OUTCOMES[locale]),
    location:
      kind === 'visit'
        ? {
            address:
              locale === 'zh-CN' ? '上海市浦东新区世纪大道100号' : '1 Market St, San Francisco',
            latitude: locale === 'zh-CN' ? 31.2353 : 37.7941,
            longitude: locale === 'zh-CN' ? 121.5055 : -122.3951,
          }
        : null,
    ...links,
  };
}

const TITLES: Record<Locale, readonly string[]> = {
  'zh-CN': ['发送报价单', '预约下次拜访', '确认合同条款', '整理需求文档'],
  en: ['Send the quote', 'Book the next visit', 'Confirm contract terms', 'Write up requirements'],
};

/** Realistic task fields due within the next week of `now`, with a reminder. */
export function taskInput(
  links: Links = {},
  f: Faker = fakerEN_US,
  locale: Locale = 'en',
  now: Date = new Date(),
): CreateTaskInput {
  const dueAt = new Date(now.getTime() + f.number.int({ min: 2, max: 7 * 24 }) * 3_600_000);
  return {
    title: f.helpers.arrayElement(TITLES[locale]),
    dueAt: dueAt.toISOString(),
    priority: f.helpers.arrayElement(['low', 'normal', 'high'] as const),
    reminderMinutesBefore: 30,
    ...links,
  };
}

export const createTestActivity = (
  ctx: Ctx,
  links: Links,
  overrides: Partial<CreateActivityInput> = {},
) => createActivity(ctx, { ...activityInput(links), ...overrides });

export const createTestTask = (ctx: Ctx, overrides: Partial<CreateTaskInput> = {}) =>
  createTask(ctx, { ...taskInput(), ...overrides });
