import type { Faker } from '@faker-js/faker';
import type { CreateTaskInput, Locale, RecurrenceFrequency } from '@guanxi/contract';
import { createTask, getTask, updateTask } from '../modules/tasks/index.js';
import { addDaysToDate, dateIn, startOfDate } from '../platform/time-zone.js';
import { addMs, at, DAY, HOUR, MINUTE, type SeedClock } from './seed-clock.js';
import type { Links } from './seed-journal.js';
import type { Member, Team } from './seed-team.js';

/** What a person can link their tasks to: their accounts, open deals and leads. */
export type Book = { accounts: string[]; deals: string[]; leads: string[] };

const ZONE = 'Asia/Shanghai';

const TITLES: Record<'seller' | 'admin', Record<Locale, readonly string[]>> = {
  seller: {
    'zh-CN': [
      '发送报价单',
      '预约下次拜访',
      '确认合同条款',
      '整理需求文档',
      '回复技术问题清单',
      '安排产品演示',
      '跟进试用反馈',
      '提交折扣审批',
    ],
    en: [
      'Send the quote',
      'Book the next visit',
      'Confirm contract terms',
      'Write up requirements',
      'Answer the security questionnaire',
      'Schedule the demo',
      'Follow up on the trial',
    ],
  },
  admin: {
    'zh-CN': [
      '审核本月折扣申请',
      '准备季度经营分析会',
      '检查公海回收规则',
      '分配官网新线索',
      '更新销售流程阶段说明',
      '新员工 CRM 培训',
      '跟进重点客户续约',
    ],
    en: [
      'Review discount requests',
      'Prepare the quarterly business review',
      'Hand out new web leads',
    ],
  },
};

const RECURRING: Record<
  'seller' | 'admin',
  Record<'zh-CN' | 'en', [string, RecurrenceFrequency, number]>
> = {
  seller: { 'zh-CN': ['提交销售周报', 'weekly', 7], en: ['Weekly pipeline update', 'weekly', 7] },
  admin: { 'zh-CN': ['月度业绩复盘', 'monthly', 30], en: ['Monthly sales review', 'monthly', 30] },
};

/**
 * About 10 tasks for each person (60 in all): overdue, due today, upcoming, done, and a
 * recurring one completed twice (so its next occurrence is due soon), with reminders. Reminders
 * already due go off when the job worker starts, so the bell has something to show.
 */
export async function seedTasks(f: Faker, clock: SeedClock, team: Team, books: Map<Member, Book>) {
  let count = 0;
  let completed = 0;
  /** When the reminders of the tasks go off (the seed runs those already due at their time). */
  const reminders: Date[] = [];
  const now = clock.now;
  const today = dateIn(now, ZONE);
  const endOfToday = startOfDate(addDaysToDate(today, 1), ZONE);
  for (const person of team.everyone) {
    const kind = person === team.admin ? 'admin' : 'seller';
    const titles = TITLES[kind][person.locale];
    const book = books.get(person) ?? { accounts: [], deals: [], leads: [] };
    const link = (prefer: keyof Book): Links => {
      for (const key of [prefer, 'deals', 'accounts', 'leads'] as const) {
        if (book[key].length > 0) {
          const id = f.helpers.arrayElement(book[key]);
          return {
            deals: { opportunityId: id },
            accounts: { accountId: id },
            leads: { leadId: id },
          }[key];
        }
      }
      return {};
    };
    const add = async (createdAt: Date, input: CreateTaskInput) => {
      count++;
      if (input.reminderMinutesBefore != null) {
        const due = input.dueAt
          ? new Date(input.dueAt)
          : startOfDate(input.dueDate as string, ZONE, 9);
        reminders.push(addMs(due, -input.reminderMinutesBefore * MINUTE));
      }
      return createTask(at(person.ctx, createdAt), { ownerId: person.userId, ...input });
    };
    const shuffled = f.helpers.shuffle([...titles]);
    const title = () => shuffled[count % shuffled.length];
    const soon = (days: number) => {
      const t = addMs(now, days * DAY);
      t.setUTCHours(person.zone === 'cn' ? 2 : 9, f.helpers.arrayElement([0, 30]), 0, 0);
      return t;
    };

    for (let i = 0; i < 2; i++) {
      const due = clock.workTime(f.number.int({ min: 1, max: 6 }), person.zone);
      await add(addMs(due, -f.number.int({ min: 2, max: 8 }) * DAY), {
        title: title(),
        dueAt: due.toISOString(),
        priority: i === 0 ? 'high' : 'normal',
        reminderMinutesBefore: i === 0 ? 60 : null,
        ...link(i === 0 ? 'deals' : 'accounts'),
      });
    }
    // Today: one at a time later today (when the day has room left), one for the whole day.
    const room = endOfToday.getTime() - now.getTime();
    const later = new Date(Math.floor((now.getTime() + room / 2) / (15 * MINUTE)) * 15 * MINUTE);
    await add(addMs(now, -DAY), {
      title: title(),
      ...(room > 2 * HOUR ? { dueAt: later.toISOString() } : { dueDate: today }),
      priority: 'high',
      reminderMinutesBefore: 30,
      ...link('deals'),
    });
    await add(addMs(now, -2 * DAY), {
      title: title(),
      dueDate: today,
      priority: 'normal',
      reminderMinutesBefore: 0,
      ...link('leads'),
    });
    for (const [i, days] of [
      f.number.int({ min: 1, max: 4 }),
      f.number.int({ min: 5, max: 14 }),
    ].entries()) {
      await add(addMs(now, -f.number.int({ min: 1, max: 5 }) * DAY), {
        title: title(),
        dueAt: soon(days).toISOString(),
        priority: f.helpers.arrayElement(['low', 'normal'] as const),
        reminderMinutesBefore: i === 0 ? 1440 : 60,
        ...link(i === 0 ? 'accounts' : 'deals'),
      });
    }
    const doneDue = clock.workTime(f.number.int({ min: 5, max: 30 }), person.zone);
    const done = await add(addMs(doneDue, -5 * DAY), {
      title: title(),
      dueAt: doneDue.toISOString(),
      priority: 'normal',
      ...link('accounts'),
    });
    await updateTask(at(person.ctx, addMs(doneDue, -2 * HOUR)), {
      id: done.id,
      data: { status: 'done' },
    });
    completed++;

    // A recurring task, done twice on time: its third occurrence is the one open now.
    const [name, frequency, every] = RECURRING[kind][person.locale];
    const firstDue = clock.workTime(2 * every - f.number.int({ min: 1, max: 4 }), person.zone);
    let task = await add(addMs(firstDue, -3 * DAY), {
      title: name,
      dueAt: firstDue.toISOString(),
      priority: 'normal',
      reminderMinutesBefore: 120,
      recurrence: { frequency, interval: 1 },
    });
    for (let n = 0; n < 2; n++) {
      const finished = addMs(new Date(task.dueAt as string), -HOUR);
      task = await updateTask(at(person.ctx, finished), { id: task.id, data: { status: 'done' } });
      completed++;
      if (!task.nextOccurrenceId) break;
      count++;
      task = await getTask(person.ctx, task.nextOccurrenceId);
    }
  }
  return { count, completed, reminders };
}
