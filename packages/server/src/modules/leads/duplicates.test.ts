import { DEFAULT_DUPLICATE_RULES } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dbRows, storedRecord, workspaceState } from '../../../test/db-state.js';
import { type Client, signUp, testDatabase } from '../../../test/helpers.js';
import { rebuildMatchKeys } from '../../platform/duplicates.js';
import { created, fullAccess, memberWithRole } from './test-support.js';

const NO_RULES = { account: [], contact: [], lead: [] };

async function setRules(admin: Client, rules: Record<string, string[]>) {
  const res = await admin.request('PUT', '/duplicate-rules', { ...NO_RULES, ...rules });
  expect(res.statusCode, res.body).toBe(200);
}

type Case = {
  object: 'account' | 'contact' | 'lead';
  rule: string;
  existing: Record<string, unknown>;
  typed: Record<string, unknown>;
};

/** One pair per rule: the second record matches the first only by that rule's key. */
const CASES: Case[] = [
  {
    object: 'account',
    rule: 'name',
    existing: { name: '上海云杉科技有限公司' },
    typed: { name: '上海云杉科技' },
  },
  {
    object: 'account',
    rule: 'creditCode',
    existing: { name: 'Alpha', creditCode: '91350100M000100Y43' },
    typed: { name: 'Beta', creditCode: '91350100m000100y43' },
  },
  {
    object: 'account',
    rule: 'domain',
    existing: { name: 'Alpha', website: 'https://www.yunshan.cn' },
    typed: { name: 'Beta', website: 'yunshan.cn/about' },
  },
  {
    object: 'account',
    rule: 'phone',
    existing: { name: 'Alpha', phone: '+86 21 6123 4567' },
    typed: { name: 'Beta', phone: '021-6123-4567' },
  },
  {
    object: 'contact',
    rule: 'email',
    existing: { name: '李娜', email: 'li.na@yunshan.cn' },
    typed: { name: '李 娜', email: 'LI.NA@yunshan.cn' },
  },
  {
    object: 'contact',
    rule: 'phone',
    existing: { name: '李娜', phones: [{ label: 'mobile', number: '+86 138 0013 8000' }] },
    typed: { name: '王芳', phones: [{ label: 'work', number: '13800138000' }] },
  },
  {
    object: 'lead',
    rule: 'email',
    existing: { name: 'A', email: 'tom@bluepeak.com' },
    typed: { name: 'B', email: 'Tom@Bluepeak.com' },
  },
  {
    object: 'lead',
    rule: 'phone',
    existing: { name: 'A', phones: [{ label: 'mobile', number: '0086 139 1234 5678' }] },
    typed: { name: 'B', phones: [{ label: 'mobile', number: '139-1234-5678' }] },
  },
  {
    object: 'lead',
    rule: 'company',
    existing: { name: 'A', company: 'Acme Inc.' },
    typed: { name: 'B', company: 'ACME' },
  },
  {
    object: 'lead',
    rule: 'domain',
    existing: { name: 'A', email: 'a@bluepeak.com' },
    typed: { name: 'B', email: 'b@bluepeak.com' },
  },
];

const pathOf = (object: string) => `/${object}s`;

describe('duplicate check', () => {
  it.each(CASES)('$object rule $rule: on → 409 with the match, off → saved', async (c) => {
    const admin = await signUp();
    const existing = await created(admin, pathOf(c.object), c.existing);
    await setRules(admin, { [c.object]: [c.rule] });
    const before = await workspaceState(admin.workspaceId);
    const refused = await admin.post(pathOf(c.object), c.typed);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ status: 409, code: 'duplicate' });
    expect(refused.json().duplicates).toEqual([
      {
        object: c.object,
        id: existing.id,
        name: existing.name,
        ownerId: admin.userId,
        ownerName: 'Ada Admin',
        matchedOn: [c.rule],
        visible: true,
      },
    ]);
    expect(await workspaceState(admin.workspaceId)).toEqual(before);

    const others = (await admin.get('/duplicate-rules'))
      .json()
      [c.object].filter((r: string) => r !== c.rule);
    await setRules(admin, { [c.object]: others });
    await created(admin, pathOf(c.object), c.typed);
  });

  it('uses the default rules: account name, credit code and domain, but not phone', async () => {
    const admin = await signUp();
    expect((await admin.get('/duplicate-rules')).json()).toEqual(DEFAULT_DUPLICATE_RULES);
    await created(admin, '/accounts', { name: 'Acme Inc.', phone: '+86 21 6123 4567' });
    const same = await admin.post('/accounts', { name: 'ACME' });
    expect(same.statusCode).toBe(409);
    expect(same.json().duplicates[0].matchedOn).toEqual(['name']);
    await created(admin, '/accounts', { name: 'Other', phone: '021 6123 4567' });
  });

  it('saves anyway with ?allowDuplicates=true', async () => {
    const admin = await signUp();
    await created(admin, '/accounts', { name: '上海云杉科技有限公司' });
    const res = await admin.post('/accounts?allowDuplicates=true', { name: '上海云杉科技' });
    expect(res.statusCode, res.body).toBe(201);
    const names = (await admin.get('/accounts?sort=name'))
      .json()
      .data.map((a: { name: string }) => a.name);
    expect(names).toEqual(['上海云杉科技', '上海云杉科技有限公司']);
  });

  it('checks an update only when it adds a matching key', async () => {
    const admin = await signUp();
    const a = await created(admin, '/accounts', { name: 'Alpha', website: 'alpha.com' });
    const b = await created(admin, '/accounts', { name: 'Beta' });
    const before = await workspaceState(admin.workspaceId);
    const clash = await admin.patch(`/accounts/${b.id}`, { website: 'www.alpha.com' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().duplicates).toMatchObject([{ id: a.id, matchedOn: ['domain'] }]);
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
    const forced = await admin.patch(`/accounts/${b.id}?allowDuplicates=true`, {
      website: 'alpha.com',
    });
    expect(forced.statusCode).toBe(200);
    // An accepted duplicate is not asked about again on unrelated edits, nor is a record
    // compared with itself.
    expect((await admin.patch(`/accounts/${b.id}`, { tier: 'A' })).statusCode).toBe(200);
    expect((await admin.patch(`/accounts/${a.id}`, { name: 'Alpha Ltd' })).statusCode).toBe(200);
  });

  it('checks a lead against contacts (email, phone) and accounts (company, domain)', async () => {
    const admin = await signUp();
    await setRules(admin, { lead: ['email', 'phone', 'company', 'domain'] });
    const account = await created(admin, '/accounts', {
      name: '杭州云启网络科技有限公司',
      website: 'yunqi.cn',
    });
    const contact = await created(admin, '/contacts', {
      name: '陈静',
      email: 'chen.jing@partner.cn',
      phones: [{ label: 'mobile', number: '13912345678' }],
    });
    const before = await workspaceState(admin.workspaceId);
    const byEmail = await admin.post('/leads', { name: '陈静', email: 'Chen.Jing@partner.cn' });
    expect(byEmail.statusCode).toBe(409);
    expect(byEmail.json().duplicates).toEqual([
      expect.objectContaining({ object: 'contact', id: contact.id, matchedOn: ['email'] }),
    ]);
    const byPhone = await admin.post('/leads', {
      name: '某人',
      phones: [{ label: 'mobile', number: '+86 139 1234 5678' }],
    });
    expect(byPhone.json().duplicates).toEqual([
      expect.objectContaining({ object: 'contact', id: contact.id, matchedOn: ['phone'] }),
    ]);
    const byCompany = await admin.post('/leads', { name: '张伟', company: '杭州云启网络科技' });
    expect(byCompany.json().duplicates).toEqual([
      expect.objectContaining({ object: 'account', id: account.id, matchedOn: ['company'] }),
    ]);
    const byDomain = await admin.post('/leads', { name: '王芳', email: 'wang.fang@yunqi.cn' });
    expect(byDomain.json().duplicates).toEqual([
      expect.objectContaining({ object: 'account', id: account.id, matchedOn: ['domain'] }),
    ]);
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
    // Free-mail domains say nothing about the company.
    await created(admin, '/accounts?allowDuplicates=true', { name: 'QQ', website: 'qq.com' });
    await created(admin, '/leads', { name: '路人', email: 'someone@qq.com' });
  });

  it('shows a record the caller may not open by name and owner only', async () => {
    const admin = await signUp();
    const account = await created(admin, '/accounts', {
      name: 'Secretive Holdings Ltd',
      phone: '+86 21 5555 0101',
      website: 'secretive.com',
    });
    const rep = await memberWithRole(admin, {
      account: fullAccess('own'),
      contact: fullAccess('own'),
      lead: fullAccess('own'),
    });
    const before = await workspaceState(admin.workspaceId);
    const res = await rep.post('/accounts', { name: 'SECRETIVE HOLDINGS' });
    expect(res.statusCode).toBe(409);
    expect(res.json().duplicates).toEqual([
      {
        object: 'account',
        id: account.id,
        name: 'Secretive Holdings Ltd',
        ownerId: admin.userId,
        ownerName: 'Ada Admin',
        matchedOn: ['name'],
        visible: false,
      },
    ]);
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
    expect((await rep.get(`/accounts/${account.id}`)).statusCode).toBe(404);
  });

  it('ignores trashed records and other workspaces', async () => {
    const admin = await signUp();
    const other = await signUp();
    await created(other, '/accounts', { name: 'Northwind Traders' });
    const trashed = await created(admin, '/accounts', { name: 'Northwind Traders Ltd.' });
    expect((await admin.delete(`/accounts/${trashed.id}`)).statusCode).toBe(204);
    await created(admin, '/accounts', { name: 'Northwind Traders' });
  });

  it('checks without saving at GET /duplicates', async () => {
    const admin = await signUp();
    const account = await created(admin, '/accounts', { name: '上海云杉科技有限公司' });
    const before = await workspaceState(admin.workspaceId);
    const q = `/duplicates?object=account&name=${encodeURIComponent('上海云杉科技')}`;
    const res = await admin.get(q);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject([{ id: account.id, matchedOn: ['name'] }]);
    expect((await admin.get(`${q}&excludeId=${account.id}`)).json().data).toEqual([]);
    const lead = await admin.get(
      `/duplicates?object=lead&company=${encodeURIComponent('上海云杉科技股份有限公司')}`,
    );
    expect(lead.json().data).toMatchObject([{ object: 'account', id: account.id }]);
    expect((await admin.get('/duplicates?object=account&name=Unrelated')).json().data).toEqual([]);
    expect((await admin.get('/duplicates?object=invoice&name=x')).statusCode).toBe(400);
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
  });

  it('lets only administrators change the rules, validates and audits them', async () => {
    const admin = await signUp();
    const rep = await memberWithRole(admin, { account: fullAccess('own') });
    const rules = { account: ['name'], contact: ['email'], lead: [] };
    const refused = await rep.request('PUT', '/duplicate-rules', rules);
    expect(refused.statusCode).toBe(403);
    expect((await rep.get('/duplicate-rules')).json()).toEqual(DEFAULT_DUPLICATE_RULES);
    const wrong = await admin.request('PUT', '/duplicate-rules', {
      ...rules,
      contact: ['company'],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('contact.0');
    const saved = await admin.request('PUT', '/duplicate-rules', {
      ...rules,
      account: ['name', 'name'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual(rules);
    expect((await admin.get('/duplicate-rules')).json()).toEqual(rules);
    const log = (await admin.get('/audit-entries?objectType=duplicateRules')).json().data;
    expect(log).toHaveLength(1);
    expect(log[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'account', old: DEFAULT_DUPLICATE_RULES.account, new: ['name'] },
        { field: 'lead', old: DEFAULT_DUPLICATE_RULES.lead, new: [] },
      ]),
    );
    const stored = await dbRows(
      sql`select object, keys from duplicate_rules where workspace_id = ${admin.workspaceId} order by object`,
    );
    expect(stored).toEqual([
      { object: 'account', keys: ['name'] },
      { object: 'contact', keys: ['email'] },
      { object: 'lead', keys: [] },
    ]);
  });

  it('validates the unified social credit code by format and check character', async () => {
    const admin = await signUp();
    const before = await workspaceState(admin.workspaceId);
    for (const creditCode of ['91350100M000100Y44', '9135010', '91350100M000100YI3']) {
      const res = await admin.post('/accounts', { name: 'Alpha', creditCode });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({
        path: 'creditCode',
        code: 'invalid_format',
        params: { format: 'creditCode' },
      });
    }
    expect(await workspaceState(admin.workspaceId)).toEqual(before);
    const ok = await created(admin, '/accounts', {
      name: 'Alpha',
      creditCode: ' 91110000600037341l ',
    });
    expect(ok.creditCode).toBe('91110000600037341L');
  });

  it('documents the 409 duplicate answer in OpenAPI', async () => {
    const admin = await signUp();
    const doc = (await admin.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/accounts', '/contacts', '/leads']) {
      const conflict = doc.paths[path].post.responses['409'];
      expect(JSON.stringify(conflict)).toContain('DuplicateProblem');
      const params = doc.paths[path].post.parameters.map((p: { name: string }) => p.name);
      expect(params).toContain('allowDuplicates');
    }
    expect(doc.components.schemas.DuplicateProblem.properties.duplicates).toBeDefined();
  });

  it('rebuilds the match keys of records written before the check existed', async () => {
    const admin = await signUp();
    const old = await created(admin, '/accounts', { name: 'Legacy Trading Co., Ltd.' });
    await dbRows(sql`update accounts set match_keys = '{}' where id = ${old.id}`);
    await created(admin, '/accounts', { name: 'Legacy Trading' });
    const { db } = await testDatabase();
    expect(await rebuildMatchKeys(db, 'account')).toBeGreaterThanOrEqual(1);
    expect((await storedRecord('accounts', old.id)).match_keys).toEqual(['company:legacytrading']);
    expect((await admin.post('/accounts', { name: 'LEGACY TRADING' })).statusCode).toBe(409);
  });
});
