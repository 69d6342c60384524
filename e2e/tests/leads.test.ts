import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, signUpInBrowser, useServerAndBrowser } from '../harness.js';

const suite = useServerAndBrowser();
const stamp = Date.now().toString(36);

async function newLead(page: Page, fields: { name: string; company: string; email: string }) {
  await page.getByRole('button', { name: 'New lead' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(fields.name);
  await dialog.getByLabel('Company', { exact: true }).fill(fields.company);
  await dialog.getByLabel('Email', { exact: true }).fill(fields.email);
  return dialog;
}

describe('leads: capture, convert, duplicate check', () => {
  it('converts a lead into an account with its contact and warns about a duplicate account', async () => {
    const context = await suite.browser.newContext({
      locale: 'en-US',
      viewport: { width: 1400, height: 950 },
    });
    const page = await context.newPage();
    await signUpInBrowser(page, suite.server.url, {
      name: 'Chen Jing',
      email: `chen-${stamp}@example.test`,
      workspace: 'Yunshan Sales',
    });

    await page.getByRole('link', { name: 'Leads' }).first().click();
    await page.waitForURL(/\/leads/);
    await page.getByText('No leads yet').waitFor();
    await screenshot(page, 'leads-en-01-empty');

    const dialog = await newLead(page, {
      name: 'Li Na',
      company: '上海云杉科技有限公司',
      email: 'li.na@yunshan.cn',
    });
    await dialog.getByLabel('Campaign').fill('Spring trade show 2026');
    await screenshot(page, 'leads-en-02-form');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Li Na' }).waitFor();
    await screenshot(page, 'leads-en-03-detail');

    // Qualify it, then convert it.
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('menuitem', { name: 'Qualify', exact: true }).click();
    await page.getByText('Lead status updated').waitFor();
    await page.getByRole('button', { name: 'Convert' }).click();
    const convert = page.getByRole('dialog', { name: 'Convert lead: Li Na' });
    await convert.waitFor();
    await convert.getByRole('radio', { name: 'Create new: 上海云杉科技有限公司' }).waitFor();
    const withDeal = convert.getByLabel('Also create an opportunity');
    const pipelines = await withDeal.count();
    if (pipelines > 0) {
      await convert.getByLabel('Opportunity name').fill('Yunshan CRM rollout');
      await convert.getByLabel('Amount').fill('120000');
    }
    await screenshot(page, 'leads-en-04-convert');
    await convert.getByRole('button', { name: 'Convert' }).click();

    // Lands on the new account, with the contact.
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { name: '上海云杉科技有限公司' }).waitFor();
    await page.getByRole('link', { name: 'Li Na' }).waitFor();
    await screenshot(page, 'leads-en-05-account');

    // The lead shows it was converted, with links to what it became.
    await page.goto(`${suite.server.url}/leads`);
    await page.getByRole('link', { name: 'Li Na' }).click();
    await page.getByText(/This lead was converted on/).waitFor();
    await page.getByRole('link', { name: '上海云杉科技有限公司' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Convert' }).count(), 0);
    await screenshot(page, 'leads-en-06-converted');

    // A new account whose name differs only by 有限公司: the duplicate warning.
    await page.goto(`${suite.server.url}/accounts`);
    await page.getByRole('button', { name: 'New account' }).first().click();
    const account = page.getByRole('dialog');
    await account.getByLabel('Name', { exact: true }).fill('上海云杉科技');
    await account.getByRole('button', { name: 'Save' }).click();
    const warning = account.getByRole('alert').filter({ hasText: 'Possible duplicate' });
    await warning.waitFor();
    await warning.getByRole('link', { name: '上海云杉科技有限公司' }).waitFor();
    await warning.getByRole('cell', { name: 'Name' }).waitFor();
    await screenshot(page, 'leads-en-07-duplicate');
    await warning.getByRole('button', { name: 'Keep editing' }).click();
    await warning.waitFor({ state: 'hidden' });
    await account.getByRole('button', { name: 'Save' }).click();
    await warning.getByRole('button', { name: 'Save anyway' }).click();
    await account.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: '上海云杉科技', exact: true }).waitFor();

    // Merge the two: the contact moves to the account kept.
    await page.getByRole('button', { name: 'Merge…' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge accounts' });
    await merge.getByLabel('Account to merge into this one').fill('云杉');
    await page.getByRole('option', { name: '上海云杉科技有限公司' }).click();
    await merge.getByRole('button', { name: 'Next' }).click();
    await merge.getByRole('radio', { name: 'Name: Merged record' }).check();
    await screenshot(page, 'leads-en-08-merge');
    await merge.getByRole('button', { name: 'Merge' }).click();
    await merge.getByText('Contacts: 1').waitFor();
    await screenshot(page, 'leads-en-09-merged');
    await merge.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { name: '上海云杉科技有限公司' }).waitFor();

    // The same pages in Chinese.
    await page.evaluate(() => localStorage.setItem('guanxi.language', 'zh-CN'));
    await page.goto(`${suite.server.url}/leads`);
    await page.getByRole('button', { name: '新建线索' }).first().click();
    const form = page.getByRole('dialog');
    await form.getByLabel('姓名', { exact: true }).fill('王芳');
    await form.getByLabel('公司', { exact: true }).fill('杭州云启网络科技有限公司');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: '王芳' }).waitFor();
    await screenshot(page, 'leads-zh-01-detail');
    await page.getByRole('button', { name: '转化' }).click();
    await page.getByRole('dialog', { name: '转化线索：王芳' }).waitFor();
    await screenshot(page, 'leads-zh-02-convert');
    await page.keyboard.press('Escape');
    await page.goto(`${suite.server.url}/leads`);
    await page.getByRole('link', { name: '王芳' }).waitFor();
    await screenshot(page, 'leads-zh-03-list');
    await page.goto(`${suite.server.url}/accounts`);
    await page.getByRole('button', { name: '新建客户' }).first().click();
    const dup = page.getByRole('dialog');
    await dup.getByLabel('名称', { exact: true }).fill('上海云杉科技股份有限公司');
    await dup.getByRole('button', { name: '保存' }).click();
    await dup.getByRole('alert').filter({ hasText: '可能重复' }).waitFor();
    await screenshot(page, 'leads-zh-04-duplicate');
    await page.goto(`${suite.server.url}/settings/duplicate-rules`);
    await page.getByRole('checkbox', { name: '统一社会信用代码' }).waitFor();
    await screenshot(page, 'leads-zh-05-rules');
    await context.close();
  });
});
