import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot, signUpInBrowser, useServerAndBrowser } from '../harness.js';

const suite = useServerAndBrowser();
const stamp = Date.now().toString(36);

describe('the public pool (公海)', () => {
  it('returns an account with a reason, finds it in the pool and claims it back, in two languages', async () => {
    const context = await suite.browser.newContext({
      locale: 'en-US',
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    await signUpInBrowser(page, suite.server.url, {
      name: 'Mei Lin',
      email: `mei-${stamp}@example.test`,
      workspace: 'Harbor Trading',
    });

    // A new account, owned by the person who made it.
    await page.getByRole('button', { name: 'New account' }).first().click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Blue Harbor Logistics');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Blue Harbor Logistics' }).waitFor();

    // Return it: the reason is required.
    await page.getByRole('button', { name: 'Return to pool' }).click();
    dialog = page.getByRole('dialog', { name: /Return “Blue Harbor Logistics”/ });
    await dialog.getByRole('button', { name: 'Return', exact: true }).click();
    await dialog.getByText('Reason is required').waitFor();
    await dialog.getByLabel('Reason').fill('No budget until next fiscal year');
    await screenshot(page, 'pools-01-return-dialog');
    await dialog.getByRole('button', { name: 'Return', exact: true }).click();

    // The pool lists it with why and since when; the holding counter dropped to zero.
    await page.waitForURL(/\/pools/);
    const table = page.getByRole('table', { name: 'Account pool' });
    const row = table.getByRole('row', { name: /Blue Harbor Logistics/ });
    await row.waitFor();
    await row.getByText('Returned', { exact: true }).waitFor();
    await row.getByText('No budget until next fiscal year').waitFor();
    await page.getByRole('tab', { name: 'Account pool (1)' }).waitFor();
    await page.getByText('My accounts: 0 (no limit)').waitFor();
    await screenshot(page, 'pools-02-pool-en');

    // Claim it back.
    await page.getByRole('button', { name: 'Claim Blue Harbor Logistics' }).click();
    await page.getByText('Claimed “Blue Harbor Logistics”').waitFor();
    await page.getByText('Nothing in this pool right now').waitFor();
    await page.getByText('My accounts: 1 (no limit)').waitFor();
    await page.getByRole('tab', { name: 'Account pool (0)' }).waitFor();

    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    const accounts = page.getByRole('table', { name: 'Accounts' });
    await accounts.getByRole('row', { name: /Blue Harbor Logistics.*Mei Lin/ }).waitFor();

    // The history tells the story: returned with the reason, then claimed.
    await accounts.getByRole('link', { name: 'Blue Harbor Logistics' }).click();
    await page.getByRole('button', { name: 'History' }).click();
    await page.getByText('No budget until next fiscal year').waitFor();
    const inPool = await page.getByText('In pool', { exact: true }).count();
    assert.ok(inPool >= 2, 'the owner shows as "In pool" while it waited there');
    await screenshot(page, 'pools-03-history-en');
    await page.keyboard.press('Escape');

    // Settings → Pools: the rules in words.
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await page.getByRole('tab', { name: 'Pools' }).click();
    await page.getByRole('button', { name: 'Edit Account pool' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Holding limit').fill('50');
    await dialog.getByLabel('Reclaim without follow-up (days)').fill('30');
    await dialog.getByLabel('Warn before (days)').fill('3');
    await screenshot(page, 'pools-04-rules-form-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Reclaim after 30 days without follow-up; warn 3 days before').waitFor();
    await page.getByRole('cell', { name: '50 per person' }).waitFor();
    await screenshot(page, 'pools-05-settings-en');

    // In Chinese: the same pages in the glossary's words.
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.getByRole('tab', { name: '公海规则' }).waitFor();
    await page.getByText('30 天未跟进则回收；提前 3 天提醒').waitFor();
    await screenshot(page, 'pools-06-settings-zh');

    await page.getByRole('link', { name: '客户', exact: true }).click();
    await page
      .getByRole('table', { name: '客户' })
      .getByRole('link', { name: 'Blue Harbor Logistics' })
      .click();
    await page.getByRole('button', { name: '退回公海' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('退回原因').fill('客户转由渠道伙伴跟进');
    await screenshot(page, 'pools-07-return-dialog-zh');
    await dialog.getByRole('button', { name: '退回', exact: true }).click();
    await page.waitForURL(/\/pools/);
    const zhRow = page
      .getByRole('table', { name: 'Account pool' })
      .getByRole('row', { name: /Blue Harbor/ });
    await zhRow.getByText('主动退回').waitFor();
    await page.getByText('我负责的客户：0 / 50').waitFor();
    await screenshot(page, 'pools-08-pool-zh');
    await context.close();
  });
});
