import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { screenshot, signUpInBrowser, useServerAndBrowser } from '../harness.js';

const suite = useServerAndBrowser();
const stamp = Date.now().toString(36);

/** A real pointer drag: press on the card, move over the column in steps, release. */
async function drag(page: Page, card: Locator, column: Locator) {
  await card.scrollIntoViewIfNeeded();
  const from = await card.boundingBox();
  const to = await column.boundingBox();
  assert.ok(from && to, 'card and column are on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 20, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 12 });
  await page.mouse.up();
}

describe('a salesperson works a deal on the board', () => {
  it('creates an opportunity, drags it across stages, is told what a stage needs, and sees the history', async () => {
    const context = await suite.browser.newContext({
      locale: 'en-US',
      viewport: { width: 1500, height: 950 },
    });
    const page = await context.newPage();
    try {
      await workTheDeal(page);
    } catch (error) {
      await screenshot(page, 'opps-failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});

async function workTheDeal(page: Page) {
  await signUpInBrowser(page, suite.server.url, {
    name: 'Wang Lei',
    email: `wang-${stamp}@example.test`,
    workspace: 'Harbor Trading',
  });

  // An account to sell to.
  await page.getByRole('button', { name: 'New account' }).first().click();
  const accountDialog = page.getByRole('dialog');
  await accountDialog.getByLabel('Name', { exact: true }).fill('Northwind Traders');
  await accountDialog.getByRole('button', { name: 'Save' }).click();
  await accountDialog.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: 'Northwind Traders' }).waitFor();
  await page.getByRole('button', { name: 'Add contact' }).first().click();
  const contactDialog = page.getByRole('dialog');
  await contactDialog.getByLabel('Name', { exact: true }).fill('Li Na');
  await contactDialog.getByLabel('Title').fill('CTO');
  await contactDialog.getByRole('button', { name: 'Save' }).click();
  await contactDialog.waitFor({ state: 'hidden' });

  // The opportunity, from the opportunities page.
  await page.getByRole('link', { name: 'Opportunities' }).first().click();
  await page.waitForURL(/\/opportunities/);
  await page.getByText('No opportunities yet').waitFor();
  await screenshot(page, 'opps-01-empty');
  await page.getByRole('button', { name: 'New opportunity' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill('CRM rollout 2026');
  await dialog.getByRole('combobox', { name: 'Account' }).fill('Northwind');
  await page.getByRole('option', { name: 'Northwind Traders' }).click();
  await dialog.getByLabel('Expected close date').fill('2026-09-30');
  await screenshot(page, 'opps-02-form');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: 'CRM rollout 2026' }).waitFor();
  await page
    .getByRole('listitem')
    .getByRole('button', { name: 'Current stage: Qualification' })
    .waitFor();
  await screenshot(page, 'opps-03-detail');

  // The board: the card sits in the first open stage.
  await page.getByRole('link', { name: 'Opportunities' }).first().click();
  // The segments' radio inputs are visually hidden; a person clicks the segment's text.
  await page.getByText('Board', { exact: true }).click();
  await page.waitForURL(/view=board/);
  const board = page.getByRole('region', { name: 'New business board' });
  await board.waitFor();
  const column = (name: string) => board.getByRole('region', { name, exact: true });
  const card = board.getByRole('article', { name: 'CRM rollout 2026' });
  await column('Qualification').getByRole('article', { name: 'CRM rollout 2026' }).waitFor();
  await screenshot(page, 'opps-04-board');

  // Dragged to a stage without requirements: it moves.
  await drag(page, card, column('Needs analysis'));
  await column('Needs analysis').getByRole('article', { name: 'CRM rollout 2026' }).waitFor();
  await page.getByText('“CRM rollout 2026” moved to Needs analysis').waitFor();

  // Dragged to Proposal/Quote, which needs an amount: refused, explained, and back in place.
  await drag(page, card, column('Proposal/Quote'));
  const refusal = page
    .getByRole('alert')
    .filter({ hasText: 'Enter amount to move to Proposal/Quote' });
  await refusal.waitFor();
  await column('Needs analysis').getByRole('article', { name: 'CRM rollout 2026' }).waitFor();
  assert.equal(await column('Proposal/Quote').getByRole('article').count(), 0);
  await screenshot(page, 'opps-05-refused');

  // Fix it: fill in the amount; the card then moves on.
  await refusal.getByRole('button', { name: 'Fill in and move' }).click();
  const edit = page.getByRole('dialog');
  await edit.getByLabel('Amount').fill('120000');
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'hidden' });
  await column('Proposal/Quote').getByRole('article', { name: 'CRM rollout 2026' }).waitFor();
  await column('Proposal/Quote').getByText('$120,000.00').first().waitFor();
  await screenshot(page, 'opps-06-moved');

  // The keyboard way: the card's "Move to…" menu, to Negotiation (needs a close date: set).
  await card.getByRole('button', { name: 'Move “CRM rollout 2026”' }).click();
  await page.getByRole('menuitem', { name: 'Negotiation' }).click();
  await column('Negotiation').getByRole('article', { name: 'CRM rollout 2026' }).waitFor();

  // Lost: the board asks why before it sends the move.
  await card.getByRole('button', { name: 'Move “CRM rollout 2026”' }).click();
  await page.getByRole('menuitem', { name: 'Lost' }).click();
  const lost = page.getByRole('dialog', { name: 'Mark as lost' });
  await lost.getByLabel('Loss reason').fill('Went with a competitor on price');
  await screenshot(page, 'opps-07a-loss-reason');
  await lost.getByRole('button', { name: 'Mark as lost' }).click();
  await column('Lost').getByRole('article', { name: 'CRM rollout 2026' }).waitFor();

  // Its stage history tells the way it went, with the time spent in each stage.
  await card.getByRole('link', { name: 'CRM rollout 2026' }).click();
  await page.getByRole('heading', { name: 'CRM rollout 2026' }).waitFor();
  await page.getByRole('tab', { name: 'Stage history' }).click();
  await page.getByText('From Negotiation to Lost').waitFor();
  await page.getByText('From Proposal/Quote to Negotiation').waitFor();
  await page.getByText('From Needs analysis to Proposal/Quote').waitFor();
  await page.getByText('From Qualification to Needs analysis').waitFor();
  await page.getByText('Created in Qualification').waitFor();
  await screenshot(page, 'opps-07-stage-history');

  // Contact roles: Li Na decides, and becomes the primary contact.
  await page.getByRole('tab', { name: 'Contact roles' }).click();
  await page.getByRole('button', { name: 'Edit contact roles' }).click();
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('combobox', { name: 'Contact', exact: true }).last().click();
  await page.getByRole('option', { name: 'Li Na · CTO' }).click();
  await page.getByRole('combobox', { name: 'Buying role' }).last().click();
  await page.getByRole('option', { name: 'Decision maker' }).click();
  await page.getByRole('radio', { name: /primary contact/ }).check();
  await screenshot(page, 'opps-07b-contact-roles-edit');
  await page.getByRole('button', { name: 'Save' }).click();
  const roles = page.getByRole('table', { name: 'Contact roles' });
  await roles.getByRole('link', { name: 'Li Na' }).waitFor();
  await roles.getByRole('row', { name: /Li Na.*Decision maker.*Primary/ }).waitFor();
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByText('Went with a competitor on price').waitFor();
  await page.getByText('Li Na').first().waitFor();
  await screenshot(page, 'opps-07c-detail-lost');

  // The account's page lists its opportunities.
  await page.getByRole('link', { name: 'Northwind Traders' }).first().click();
  await page.getByRole('heading', { name: 'Northwind Traders' }).waitFor();
  await page.getByRole('link', { name: 'CRM rollout 2026' }).waitFor();
  await screenshot(page, 'opps-07d-account');
  await page.getByRole('link', { name: 'CRM rollout 2026' }).click();
  await page.getByRole('heading', { name: 'CRM rollout 2026' }).waitFor();

  // The same in Chinese (the workspace's pipeline keeps its English names).
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  await page.getByRole('tab', { name: '阶段历史' }).waitFor();
  await screenshot(page, 'opps-08-stage-history-zh');
  await page.getByRole('tab', { name: '详情' }).click();
  await screenshot(page, 'opps-09-detail-zh');
  await page.getByRole('link', { name: '商机' }).first().click();
  await page.getByText('看板', { exact: true }).click();
  await page.getByRole('region', { name: 'New business看板' }).waitFor();
  await screenshot(page, 'opps-10-board-zh');
  await page.getByText('列表', { exact: true }).click();
  await page.getByRole('link', { name: 'CRM rollout 2026' }).waitFor();
  await screenshot(page, 'opps-11-list-zh');
  await page.getByRole('link', { name: '设置' }).first().click();
  await page.getByRole('tab', { name: '销售流程' }).click();
  await page.getByRole('table', { name: 'New business · 阶段' }).waitFor();
  await screenshot(page, 'opps-12-pipelines-zh');
}
