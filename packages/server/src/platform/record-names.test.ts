import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  createTestContact,
  createTestLead,
  createTestOpportunity,
  createTestUser,
  createTestWorkspace,
  type TestWorkspace,
} from '../../test/factories/index.js';
import { testDatabase } from '../../test/helpers.js';
import type { Db } from '../db/client.js';
import { accountNameSource } from '../modules/accounts/index.js';
import { type Ctx, createCtx } from './context.js';
import { linkNames, type RecordLinks } from './record-links.js';
import { forgetRecordNames, namesOf, rememberRecordName } from './record-names.js';

/** A fresh request context for `ctx`'s actor whose statements are counted. */
function counted(ctx: Ctx): { ctx: Ctx; statements: () => number } {
  let statements = 0;
  const db = new Proxy(ctx.db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if ((key === 'select' || key === 'execute') && typeof value === 'function') {
        return (...args: unknown[]) => {
          statements++;
          return value.apply(target, args);
        };
      }
      return value;
    },
  }) as Db;
  return { ctx: createCtx(db, ctx.actor), statements: () => statements };
}

describe('record names', () => {
  let ws: TestWorkspace;
  let links: RecordLinks;
  let names: { lead: string; account: string; contact: string; opportunity: string };

  beforeAll(async () => {
    const { db } = await testDatabase();
    ws = await createTestWorkspace(db);
    const ctx = ws.admin.ctx;
    const lead = await createTestLead(ctx, { name: '线索 李雷' });
    const account = await createTestAccount(ctx, { name: '名称科技' });
    const contact = await createTestContact(ctx, { name: '韩梅梅', accountId: account.id });
    const opportunity = await createTestOpportunity(ctx, account.id, { name: 'Names deal' });
    links = {
      leadId: lead.id,
      accountId: account.id,
      contactId: contact.id,
      opportunityId: opportunity.id,
    };
    names = {
      lead: lead.name,
      account: account.name,
      contact: contact.name,
      opportunity: opportunity.name,
    };
  });

  it('reads the names of four kinds of record in one statement, then from the request', async () => {
    const { ctx, statements } = counted(ws.admin.ctx);
    const page = await linkNames(ctx, [links, { ...links, leadId: null }]);
    expect(page.lead.get(links.leadId!)).toBe(names.lead);
    expect(page.account.get(links.accountId!)).toBe(names.account);
    expect(page.contact.get(links.contactId!)).toBe(names.contact);
    expect(page.opportunity.get(links.opportunityId!)).toBe(names.opportunity);
    expect(statements()).toBe(1);

    await linkNames(ctx, [links]);
    expect(statements()).toBe(1);
    // A write of contacts forgets their names: the next page reads them, and only them, again.
    forgetRecordNames(ctx, 'contact');
    expect((await linkNames(ctx, [links])).contact.get(links.contactId!)).toBe(names.contact);
    expect(statements()).toBe(2);
  });

  it('answers only names in the actor’s data scope, and none of objects the role cannot read', async () => {
    const { db } = await testDatabase();
    const rep = await createTestUser(db, ws);
    const own = await createTestAccount(rep.ctx, { name: '自己的客户' });
    const [accounts] = await namesOf(rep.ctx, [[accountNameSource, [own.id, links.accountId!]]]);
    expect([...accounts]).toEqual([[own.id, '自己的客户']]);

    const blind = createCtx(db, {
      ...ws.admin.ctx.actor,
      permissions: {
        ...ws.admin.ctx.actor.permissions,
        objects: {
          ...ws.admin.ctx.actor.permissions.objects,
          lead: { create: false, read: false, update: false, delete: false, scope: 'all' },
        },
      },
    });
    const page = await linkNames(blind, [links]);
    expect(page.lead.size).toBe(0);
    expect(page.account.get(links.accountId!)).toBe(names.account);
  });

  it('takes a name the page already has without reading it', async () => {
    const { ctx, statements } = counted(ws.admin.ctx);
    rememberRecordName(ctx, 'account', links.accountId!, names.account);
    const [accounts] = await namesOf(ctx, [[accountNameSource, [links.accountId!]]]);
    expect(accounts.get(links.accountId!)).toBe(names.account);
    expect(statements()).toBe(0);
  });
});
