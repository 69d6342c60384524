import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, signUpInBrowser, useServerAndBrowser } from '../harness.js';

const suite = useServerAndBrowser();
const stamp = Date.now().toString(36);
const signUp = (page: Page) =>
  signUpInBrowser(page, suite.server.url, {
    name: 'Grace Hopper',
    email: `grace-${stamp}@example.test`,
    workspace: 'Compiler Works',
  });

describe('an administrator manages departments, roles and reads the audit log', () => {
  it('builds the org tree, defines a role, sees both in the audit log, in two languages', async () => {
    const context = await suite.browser.newContext({
      locale: 'en-US',
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    await signUp(page);
    await page.getByRole('link', { name: 'Settings' }).first().click();

    // Departments: add one under the root, rename it, refuse a move under its own child.
    await page.getByRole('tab', { name: 'Departments' }).click();
    await page.getByRole('table', { name: 'Department tree' }).waitFor();
    await page.getByRole('button', { name: 'Add sub-department Headquarters' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Department name').fill('Sales East');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Sales East', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Rename Sales East' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Department name').fill('Sales Shanghai');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Sales Shanghai', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Add sub-department Sales Shanghai' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Department name').fill('Pudong Team');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Move Sales Shanghai' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Parent department' }).click();
    await page.getByRole('option', { name: /Pudong Team/ }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('cannot move under itself').waitFor();
    await screenshot(page, 'settings-01-department-cycle');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(page, 'settings-02-departments');

    // Roles: a custom role that only reads its own accounts.
    await page.getByRole('tab', { name: 'Roles' }).click();
    await page.getByRole('button', { name: 'New role' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Role name').fill('Account reader');
    await dialog.getByRole('checkbox', { name: 'Contacts: Read' }).uncheck();
    const accountsRead = dialog.getByRole('checkbox', { name: 'Accounts: Read' });
    assert.equal(await accountsRead.isChecked(), true);
    assert.equal(
      await dialog.getByRole('checkbox', { name: 'Accounts: Create' }).isChecked(),
      false,
    );
    await dialog.getByRole('combobox', { name: 'Accounts: Data scope' }).click();
    await page.getByRole('option', { name: 'Own', exact: true }).click();
    // Field access: the role does not see account phones and cannot change the tier.
    await dialog.getByRole('button', { name: 'Accounts: field access' }).click();
    const accountFields = dialog.getByRole('table', { name: 'Accounts: field access' });
    const fieldAccess = (field: string) =>
      accountFields.getByRole('radiogroup', { name: field, exact: true });
    const fieldChoice = (field: string, choice: string) =>
      fieldAccess(field).getByRole('radio', { name: choice, exact: true });
    // The segments' radio inputs are visually hidden; a person clicks the segment's text.
    await fieldAccess('Phone').getByText('Hidden', { exact: true }).click();
    await fieldAccess('Tier').getByText('Read-only', { exact: true }).click();
    await dialog.getByText('Restricted: 2').waitFor();
    await screenshot(page, 'settings-03-role-editor');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Account reader', exact: true }).waitFor();
    await page.getByText('Accounts: Read (Own)').waitFor();

    // Reopened, the role still has its field access; untouched fields stay at the default.
    await page.getByRole('button', { name: 'Edit Account reader' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Accounts: field access' }).click();
    assert.equal(await fieldChoice('Phone', 'Hidden').isChecked(), true);
    assert.equal(await fieldChoice('Tier', 'Read-only').isChecked(), true);
    assert.equal(await fieldChoice('City', 'Visible and editable').isChecked(), true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The Administrator role is shown read-only.
    await page.getByRole('button', { name: 'View Administrator' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByText('cannot be changed').waitFor();
    assert.equal(
      await dialog.getByRole('checkbox', { name: 'Accounts: Delete' }).isDisabled(),
      true,
    );
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(page, 'settings-04-roles');

    // The audit log lists both changes, newest first, and filters by object type.
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const log = page.getByRole('table', { name: 'Audit log' });
    await log.getByRole('row', { name: /Account reader/ }).waitFor();
    await log.getByText('Sales East').first().waitFor();
    await log
      .getByRole('row', { name: /Sales Shanghai/ })
      .first()
      .waitFor();
    await screenshot(page, 'settings-05-audit-log');
    await page.getByRole('combobox', { name: 'Object type' }).click();
    await page.getByRole('option', { name: 'Department', exact: true }).click();
    await log.getByRole('row', { name: /Account reader/ }).waitFor({ state: 'detached' });
    await log
      .getByRole('row', { name: /Pudong Team/ })
      .first()
      .waitFor();

    // In Chinese, the tabs and the matrix speak the glossary's words.
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.getByRole('tab', { name: '角色' }).click();
    await page.getByRole('tab', { name: '部门' }).waitFor();
    await page.getByRole('tab', { name: '审计日志' }).waitFor();
    await page.getByText('客户：查看（本人）').waitFor();
    await screenshot(page, 'settings-06-roles-zh');
    await context.close();
  });
});
