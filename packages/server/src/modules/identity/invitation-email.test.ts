import { afterAll, describe, expect, it } from 'vitest';
import { Client, cookiesOf, testDatabase, uniqueEmail } from '../../../test/helpers.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { MailMessage } from '../../platform/mailer.js';

async function appWithMailer(send: (m: MailMessage) => Promise<void>) {
  const config = loadConfig({ SEED_DEMO: 'false', PUBLIC_URL: 'https://crm.example.com' });
  const app = await buildApp({ config, database: await testDatabase(), mailer: { send } });
  afterAll(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: {
      email: uniqueEmail(),
      password: 'long enough pw',
      name: '陈静',
      workspaceName: '锐思科技',
    },
  });
  return new Client(app, { cookies: cookiesOf(res) }, res.json());
}

describe('invitation email', () => {
  it('emails a bilingual invitation with the accept link when a mailer is configured', async () => {
    const sent: MailMessage[] = [];
    const admin = await appWithMailer(async (m) => {
      sent.push(m);
    });
    const roles = (await admin.get('/roles')).json().data;
    const repRole = roles.find((r: { builtinKey: string }) => r.builtinKey === 'sales_rep');
    const res = await admin.post('/invitations', {
      email: 'New.Rep@Example.com',
      roleId: repRole.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      email: 'new.rep@example.com',
      emailSent: true,
      status: 'pending',
    });
    expect(body.acceptUrl).toBe(`https://crm.example.com/invite/${body.token}`);
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe('new.rep@example.com');
    expect(sent[0].subject).toContain('锐思科技');
    expect(sent[0].text).toContain(body.acceptUrl);
    expect(sent[0].text).toContain('陈静 邀请您加入');
    expect(sent[0].text).toContain('invited you to join');
  });

  it('keeps the invitation and reports emailSent false when sending fails', async () => {
    const admin = await appWithMailer(async () => {
      throw new Error('SMTP down');
    });
    const repRole = (await admin.get('/roles')).json().data[2];
    const res = await admin.post('/invitations', {
      email: uniqueEmail('invitee'),
      roleId: repRole.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().emailSent).toBe(false);
    const list = (await admin.get('/invitations')).json().data;
    expect(list).toHaveLength(1);
    expect(list[0].status).toBe('pending');
  });
});
