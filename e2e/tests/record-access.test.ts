import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { screenshot, signUpInBrowser, useServerAndBrowser } from '../harness.js';

const suite = useServerAndBrowser();
const stamp = Date.now().toString(36);

/** JSON requests as the person signed in to `context` (session cookie and CSRF token). */
function apiOf(context: BrowserContext, baseUrl: string) {
  return async <T = { id: string }>(method: 'GET' | 'POST', path: string, data?: unknown) => {
    const csrf = (await context.cookies()).find((c) => c.name === 'csrf_token')?.value ?? '';
    const res = await context.request.fetch(`${baseUrl}/api/v1${path}`, {
      method,
      data,
      headers: method === 'GET' ? {} : { 'x-csrf-token': csrf },
    });
    assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

describe('record access in the UI', () => {
  it('a rep reads the activities and tasks on their account but is offered changes only of their own', async () => {
    const base = suite.server.url;
    const managerContext = await suite.browser.newContext({ locale: 'en-US' });
    const managerPage = await managerContext.newPage();
    await signUpInBrowser(managerPage, base, {
      name: 'Wang Lei',
      email: `wang-access-${stamp}@example.test`,
      workspace: 'Access Trading',
    });
    const asManager = apiOf(managerContext, base);

    // A rep joins through an invitation and owns an account.
    const roles = await asManager<{ data: { id: string; builtinKey: string | null }[] }>(
      'GET',
      '/roles',
    );
    const repRole = roles.data.find((r) => r.builtinKey === 'sales_rep');
    assert.ok(repRole);
    const invitation = await asManager<{ token: string }>('POST', '/invitations', {
      email: `li-access-${stamp}@example.test`,
      roleId: repRole.id,
    });
    const repContext = await suite.browser.newContext({ locale: 'zh-CN' });
    const joined = await repContext.request.post(`${base}/api/v1/invitations/accept`, {
      data: { token: invitation.token, name: 'Li Na', password: 'a long enough password' },
    });
    assert.ok(joined.ok(), await joined.text());
    const rep = (await joined.json()) as { user: { id: string } };
    const asRep = apiOf(repContext, base);

    const account = await asManager('POST', '/accounts', {
      name: '远航物流',
      ownerId: rep.user.id,
    });
    // The manager logs a call and sets a task on it; the rep logs a visit and sets a task.
    await asManager('POST', '/activities', {
      kind: 'call',
      subject: 'Manager call',
      accountId: account.id,
    });
    await asManager('POST', '/tasks', { title: 'Manager task', accountId: account.id });
    await asRep('POST', '/activities', {
      kind: 'visit',
      subject: 'Rep visit',
      accountId: account.id,
    });
    await asRep('POST', '/tasks', { title: 'Rep task', accountId: account.id });

    const page = await repContext.newPage();
    await page.goto(`${base}/accounts/${account.id}`);
    await page.getByRole('heading', { name: '远航物流' }).waitFor();
    await page.getByText('Manager call').waitFor();
    await page.getByText('Manager task').waitFor();
    await screenshot(page, 'record-access-rep-zh');

    // The rep's own entries carry their menus; the manager's are shown without them.
    const menu = (name: string) => page.getByRole('button', { name });
    assert.equal(await menu('“Rep visit”的操作').count(), 1);
    assert.equal(await menu('“Manager call”的操作').count(), 0);
    assert.equal(await menu('“Rep task”的操作').count(), 1);
    assert.equal(await menu('“Manager task”的操作').count(), 0);
    // Nor can the manager's task be ticked off by the rep.
    assert.ok(await page.getByRole('checkbox', { name: '完成“Manager task”' }).isDisabled());

    // The manager (scope: everything) keeps the menus on both.
    await managerPage.goto(`${base}/accounts/${account.id}`);
    await managerPage.getByText('Rep visit').waitFor();
    await screenshot(managerPage, 'record-access-manager-en');
    assert.equal(await managerPage.getByRole('button', { name: /^Actions for “/ }).count(), 4);

    await managerContext.close();
    await repContext.close();
  });
});
