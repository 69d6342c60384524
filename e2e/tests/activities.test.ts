import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot, signUpInBrowser, useServerAndBrowser } from '../harness.js';

// The worker looks for due jobs every half second, so a reminder fires within the test.
const suite = useServerAndBrowser({ JOB_POLL_MS: '500' });
const stamp = Date.now().toString(36);
const ZONE = 'Asia/Shanghai';

/** 'YYYY-MM-DDTHH:mm' of `date` in the browser's zone, as a datetime-local input takes it. */
const localMinute = (date: Date) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
};

describe('activities, tasks and reminders', () => {
  it('logs a visit with a check-in, schedules a task whose reminder rings the bell, in two languages', async () => {
    const context = await suite.browser.newContext({
      locale: 'en-US',
      timezoneId: ZONE,
      viewport: { width: 1366, height: 900 },
      geolocation: { latitude: 31.2304, longitude: 121.4737 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await signUpInBrowser(page, suite.server.url, {
      name: 'Mei Lin',
      email: `mei-acts-${stamp}@example.test`,
      workspace: 'Harbor Trading',
    });

    await page.getByRole('button', { name: 'New account' }).first().click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Blue Harbor Logistics');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Blue Harbor Logistics' }).waitFor();

    // The timeline starts empty and invites the first entry.
    await page.getByText('No activities yet').waitFor();
    await page.getByRole('button', { name: 'Log activity' }).click();
    dialog = page.getByRole('dialog', { name: 'Log an activity' });
    await dialog.getByText('Visit', { exact: true }).click();
    assert.ok(await dialog.getByRole('radio', { name: 'Visit' }).isChecked());
    // Saving without a subject says what is missing.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Subject is required').waitFor();
    await dialog.getByLabel('Subject').fill('On-site visit to procurement');
    await dialog.getByLabel('Details').fill('Walked through the yearly purchasing plan.');
    await dialog.getByLabel('Duration (minutes)').fill('90');
    await dialog.getByLabel('Outcome').fill('Interested, waiting for our quote');
    await dialog.getByLabel('Check-in location').fill('1 Century Avenue, Pudong, Shanghai');
    await dialog.getByRole('button', { name: 'Use my location' }).click();
    await dialog.getByText('Coordinates: 31.2304, 121.4737').waitFor();
    await screenshot(page, 'activities-01-log-visit-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // On the timeline, under today, with its kind, place and outcome.
    const today = page.getByRole('region', { name: 'Today' });
    await today.getByText('On-site visit to procurement').waitFor();
    await today.getByText('Visit', { exact: true }).waitFor();
    await today.getByRole('link', { name: '1 Century Avenue, Pudong, Shanghai' }).waitFor();
    await today.getByText('Interested, waiting for our quote').waitFor();
    await today.getByText('Logged by Mei Lin').waitFor();
    await screenshot(page, 'activities-02-timeline-en');

    // A task due in two minutes, reminded five minutes before: the reminder is due at once.
    await page.getByText('No open tasks').waitFor();
    await page.getByRole('button', { name: 'Add task' }).click();
    dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByLabel('Title').fill('Send the quote');
    const due = localMinute(new Date(Date.now() + 120_000));
    await dialog.getByRole('textbox', { name: 'Due', exact: true }).fill(due);
    await dialog.getByLabel('Reminder', { exact: true }).click();
    await page.getByRole('option', { name: '5 minutes before', exact: true }).click();
    await screenshot(page, 'activities-03-task-form-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('checkbox', { name: 'Complete “Send the quote”' }).waitFor();

    // The worker notifies; the bell shows it (it polls; a reload asks at once).
    const bell = page.getByRole('button', { name: /^Notifications, 1 unread$/ });
    for (let i = 0; i < 20 && (await bell.count()) === 0; i++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByRole('heading', { name: 'Blue Harbor Logistics' }).waitFor();
    }
    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await panel.getByText(/Task “Send the quote” is due/).waitFor();
    await screenshot(page, 'activities-04-bell-en');

    // Opening it marks it read and goes to my tasks.
    await panel.getByText(/Task “Send the quote” is due/).click();
    await page.waitForURL(/\/tasks$/);
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    const row = page.getByRole('checkbox', { name: 'Complete “Send the quote”' });
    await row.waitFor();
    await screenshot(page, 'activities-05-my-tasks-en');

    // In Chinese: the same pages in the glossary's words.
    await page.getByRole('button', { name: 'User menu' }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.getByRole('heading', { name: '我的任务' }).waitFor();
    await page.getByRole('link', { name: '我的任务' }).waitFor();
    await screenshot(page, 'activities-06-my-tasks-zh');
    await page.getByRole('button', { name: '通知', exact: true }).click();
    await page
      .getByRole('dialog', { name: '通知' })
      .getByText(/任务“Send the quote”将于/)
      .waitFor();
    await screenshot(page, 'activities-07-bell-zh');
    await page.keyboard.press('Escape');

    // One click completes it; the list empties.
    await page.getByRole('checkbox', { name: '完成“Send the quote”' }).click();
    await page.getByText('任务已完成').waitFor();
    await page.getByText('没有待办任务').waitFor();

    await page.getByRole('link', { name: '客户', exact: true }).click();
    await page.getByRole('link', { name: 'Blue Harbor Logistics' }).click();
    await page.getByRole('region', { name: '今天' }).getByText('拜访', { exact: true }).waitFor();
    await page.getByText('Mei Lin 记录').waitFor();
    await screenshot(page, 'activities-08-timeline-zh');
    await page.getByRole('button', { name: '写跟进' }).click();
    await page
      .getByRole('dialog', { name: '写跟进记录' })
      .getByText('拜访', { exact: true })
      .click();
    await page.getByRole('button', { name: '使用我的位置' }).waitFor();
    await screenshot(page, 'activities-09-log-visit-zh');
    assert.ok(true);
    await context.close();
  });
});
