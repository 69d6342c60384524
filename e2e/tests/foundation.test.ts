import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, signUpInBrowser, useServerAndBrowser } from '../harness.js';

const suite = useServerAndBrowser();
const stamp = Date.now().toString(36);

async function signUp(page: Page, email: string) {
  await signUpInBrowser(page, suite.server.url, {
    name: 'Ada Lovelace',
    email,
    workspace: 'Analytical Engines Ltd.',
  });
  await page.getByRole('heading', { name: 'Accounts' }).waitFor();
}

describe('a new user runs the CRM in the browser', () => {
  it('signs up, creates an account and a contact, finds, edits and switches language', async () => {
    const context = await suite.browser.newContext({
      locale: 'en-US',
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    await signUp(page, `ada-${stamp}@example.test`);
    await screenshot(page, '02-accounts-empty');

    // Create an account.
    await page.getByRole('button', { name: 'New account' }).first().click();
    const accountDialog = page.getByRole('dialog');
    await accountDialog.getByLabel('Name', { exact: true }).fill('上海锐思信息科技有限公司');
    await accountDialog.getByLabel('City').fill('上海市');
    await screenshot(page, '03-account-form');
    await accountDialog.getByRole('button', { name: 'Save' }).click();
    await accountDialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: '上海锐思信息科技有限公司' }).waitFor();
    await screenshot(page, '04-account-detail');

    // Add a contact from the account page (its customer 360: no tabs to open).
    await page.getByRole('button', { name: 'Add contact' }).first().click();
    const contactDialog = page.getByRole('dialog');
    await contactDialog.getByLabel('Name', { exact: true }).fill('李娜');
    await contactDialog.getByLabel('Email', { exact: true }).fill(`li.na.${stamp}@example.cn`);
    await contactDialog.getByLabel('Title').fill('采购经理');
    await contactDialog.getByRole('button', { name: 'Save' }).click();
    await contactDialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: '李娜' }).waitFor();
    await screenshot(page, '05-account-contacts');

    // Find the contact through search.
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.waitForURL(/\/contacts/);
    await page.getByLabel('Search contacts').fill('李娜');
    const result = page.getByRole('link', { name: '李娜' });
    await result.waitFor();
    await screenshot(page, '06-contact-search');
    await result.click();
    await page.getByRole('heading', { name: '李娜' }).waitFor();

    // Edit it; the change shows on the page and in its history.
    await page.getByRole('button', { name: 'Edit' }).click();
    const editDialog = page.getByRole('dialog');
    await editDialog.getByLabel('Title').fill('采购总监');
    await editDialog.getByRole('button', { name: 'Save' }).click();
    await editDialog.waitFor({ state: 'hidden' });
    await page.getByText('采购总监').first().waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('采购经理').first().waitFor();
    await screenshot(page, '07-contact-history');

    // Switch to Chinese: the whole UI follows, and the choice sticks across a reload.
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.getByRole('link', { name: '客户' }).first().waitFor();
    await page.reload();
    await page.getByRole('link', { name: '联系人' }).first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    await page.getByRole('link', { name: '客户' }).first().click();
    await page.getByRole('heading', { name: '客户' }).waitFor();
    await page.getByRole('link', { name: '上海锐思信息科技有限公司' }).waitFor();
    await screenshot(page, '08-accounts-zh');
    await context.close();
  });

  it('shows Chinese by default to a Chinese browser and explains wrong credentials', async () => {
    const context = await suite.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/accounts`);
    await page.waitForURL(/\/signin/);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.getByLabel('邮箱').fill(`nobody-${stamp}@example.test`);
    await page.getByLabel('密码', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('邮箱或密码不正确').first().waitFor();
    await screenshot(page, '09-signin-zh-error');
    await context.close();
  });
});
