import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, signUpInBrowser, useServerAndBrowser } from '../harness.js';

const suite = useServerAndBrowser();
const stamp = Date.now().toString(36);

/** Picks `option` in the Mantine select labelled `label` inside `scope`. */
async function choose(
  page: Page,
  scope: ReturnType<Page['getByRole']>,
  label: string,
  option: string | RegExp,
) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** A contact added from the account page; `reportsTo` is picked in the form's manager picker. */
async function addContact(
  page: Page,
  opener: ReturnType<Page['getByRole']>,
  contact: { name: string; title: string; role: string; reportsTo?: RegExp },
) {
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('Name', { exact: true }).fill(contact.name);
  await dialog.getByLabel('Title').fill(contact.title);
  await choose(page, dialog, 'Buying role', contact.role);
  if (contact.reportsTo) await choose(page, dialog, 'Reports to', contact.reportsTo);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const kpi = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

describe('customer 360', () => {
  it('shows an account on one screen: figures, org chart, deals, timeline and tasks, in two languages', async () => {
    const context = await suite.browser.newContext({
      locale: 'en-US',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 1000 },
    });
    const page = await context.newPage();
    await signUpInBrowser(page, suite.server.url, {
      name: 'Zhou Yun',
      email: `zhou-360-${stamp}@example.test`,
      workspace: 'Qinghe Trading',
    });

    // An account with its key facts.
    await page.getByRole('button', { name: 'New account' }).first().click();
    const accountDialog = page.getByRole('dialog');
    await accountDialog.getByLabel('Name', { exact: true }).fill('杭州青禾软件有限公司');
    await choose(page, accountDialog, 'Tier', 'Tier A');
    await choose(page, accountDialog, 'Industry', 'Software');
    await accountDialog.getByLabel('Website').fill('qinghe-soft.cn');
    await accountDialog.getByLabel('Phone').fill('+86 571 8888 6666');
    await accountDialog.getByLabel('City').fill('杭州市');
    await accountDialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: '杭州青禾软件有限公司' }).waitFor();

    // Every panel starts empty and invites its first entry.
    await page.getByText('No contacts yet').waitFor();
    await page.getByText('No opportunities yet').waitFor();
    await page.getByText('No activities yet').waitFor();
    await page.getByText('No open tasks').waitFor();
    await kpi(page, 'Last contact').getByText('No follow-up yet').waitFor();
    await screenshot(page, '360-01-empty-en');

    // The CEO, the CTO reporting to the CEO (from the chart), an engineer under the CTO (picked).
    await addContact(page, page.getByRole('button', { name: 'Add contact' }), {
      name: '周明',
      title: 'CEO',
      role: 'Decision maker',
    });
    await page.getByRole('button', { name: 'Add someone who reports to 周明' }).click();
    const reportDialog = page.getByRole('dialog', { name: 'New contact' });
    assert.equal(await reportDialog.getByLabel('Reports to', { exact: true }).inputValue(), '周明');
    await reportDialog.getByLabel('Name', { exact: true }).fill('林悦');
    await reportDialog.getByLabel('Title').fill('CTO');
    await choose(page, reportDialog, 'Buying role', 'Technical');
    await reportDialog.getByRole('button', { name: 'Save' }).click();
    await reportDialog.waitFor({ state: 'hidden' });
    await addContact(page, page.getByRole('button', { name: 'Add contact' }), {
      name: '陈小北',
      title: '架构师',
      role: 'User',
      reportsTo: /^林悦/,
    });

    // The org chart nests them: engineer under CTO under CEO.
    const chart = page.getByRole('list', { name: 'Org chart of 杭州青禾软件有限公司' });
    const ceo = chart.getByRole('listitem', { name: '周明' });
    const cto = ceo.getByRole('listitem', { name: '林悦' });
    await cto.getByRole('listitem', { name: '陈小北' }).waitFor();
    await ceo.getByText('Decision maker').first().waitFor();
    await cto.getByText('Technical').first().waitFor();
    assert.equal(await chart.getByRole('listitem').count(), 3);

    // A deal with the account already chosen.
    await page.getByRole('button', { name: 'New opportunity' }).click();
    const dealDialog = page.getByRole('dialog', { name: 'New opportunity' });
    await dealDialog.getByLabel('Name', { exact: true }).fill('Qinghe CRM rollout');
    assert.equal(
      await dealDialog.getByRole('combobox', { name: 'Account' }).inputValue(),
      '杭州青禾软件有限公司',
    );
    await dealDialog.getByLabel('Amount').fill('120000');
    await dealDialog.getByRole('button', { name: 'Save' }).click();
    await dealDialog.waitFor({ state: 'hidden' });

    // A call logged and a task added, from the page.
    await page.getByRole('button', { name: 'Log activity' }).click();
    const logDialog = page.getByRole('dialog', { name: 'Log an activity' });
    await logDialog.getByText('Call', { exact: true }).click();
    await logDialog.getByLabel('Subject').fill('Call with 周明 about the rollout plan');
    await logDialog.getByRole('button', { name: 'Save' }).click();
    await logDialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Add task' }).click();
    const taskDialog = page.getByRole('dialog', { name: 'New task' });
    await taskDialog.getByLabel('Title').fill('Send the proposal to 林悦');
    await taskDialog.getByRole('button', { name: 'Save' }).click();
    await taskDialog.waitFor({ state: 'hidden' });

    // The figures follow what was done on the page, without a reload.
    // In the workspace's currency, as the person's language writes money.
    await kpi(page, 'Open pipeline')
      .getByText(/^\D{1,4}120,000$/)
      .waitFor();
    await kpi(page, 'Open deals').getByText('1', { exact: true }).waitFor();
    await kpi(page, 'Last contact').getByText('Followed up today').waitFor();
    await kpi(page, 'Open tasks').getByText('1', { exact: true }).waitFor();
    await kpi(page, 'Won revenue').getByText('Nothing won yet').waitFor();

    // The panels.
    const open = page.getByRole('table', { name: 'Open' });
    await open.getByRole('link', { name: 'Qinghe CRM rollout' }).waitFor();
    await open.getByText(/^\D{1,3}120,000\.00$/).waitFor();
    await page
      .getByRole('region', { name: 'Today' })
      .getByText('Call with 周明 about the rollout plan')
      .waitFor();
    await page.getByRole('checkbox', { name: 'Complete “Send the proposal to 林悦”' }).waitFor();
    await page.getByText('Tier A').first().waitFor();
    await page.getByRole('link', { name: 'qinghe-soft.cn' }).waitFor();
    await page.getByText('Task created').waitFor({ state: 'hidden' });
    await screenshot(page, '360-02-account-en-1440');

    // The list view shows whom each person reports to.
    await page.getByText('List', { exact: true }).click();
    const list = page.getByRole('table', { name: 'Contacts of 杭州青禾软件有限公司' });
    await list.getByRole('row', { name: /陈小北.*林悦/ }).waitFor();
    await page.getByText('Org chart', { exact: true }).click();
    await chart.waitFor();

    // History stays one click away.
    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'History' });
    await history
      .getByText(/created/i)
      .first()
      .waitFor();
    await screenshot(page, '360-03-history-en');
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });

    // One column on a narrow window.
    await page.setViewportSize({ width: 900, height: 1000 });
    await chart.waitFor();
    await screenshot(page, '360-04-account-en-900');

    // In Chinese.
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await kpi(page, '在途商机金额')
      .getByText(/^\D{1,4}120,000$/)
      .waitFor();
    await kpi(page, '最近跟进').getByText('今天已跟进').waitFor();
    await page
      .getByRole('list', { name: '杭州青禾软件有限公司的组织架构' })
      .getByRole('listitem', { name: '周明' })
      .getByRole('listitem', { name: '林悦' })
      .waitFor();
    await page.getByText('决策者').first().waitFor();
    await page.getByRole('menu').waitFor({ state: 'hidden' });
    await screenshot(page, '360-05-account-zh-1440');
    await page.setViewportSize({ width: 900, height: 1000 });
    await page.getByRole('heading', { name: '杭州青禾软件有限公司' }).waitFor();
    await screenshot(page, '360-06-account-zh-900');
    await context.close();
  });
});
