import { fakerEN_US, fakerZH_CN } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import { createPipeline, listPipelines } from '../modules/opportunities/index.js';
import { reclaimWorkspace } from '../modules/pools/index.js';
import { runDueJobs } from '../platform/jobs.js';
import { type Database, rowsOf } from './client.js';
import { seedAccounts } from './seed-accounts.js';
import { at, SeedClock } from './seed-clock.js';
import { convertLeads } from './seed-conversions.js';
import { type DealPlan, planDeals, RENEWAL_PIPELINE, WON } from './seed-deals.js';
import { fillFollowUps, followUpsBefore, recentFollowUps } from './seed-follow-ups.js';
import { Journal } from './seed-journal.js';
import { seedLeads } from './seed-leads.js';
import { type Walker, walkDeal } from './seed-opportunities.js';
import { returnAndClaimAccounts, seedPoolRules } from './seed-pools.js';
import { type Book, seedTasks } from './seed-tasks.js';
import { DEMO_EMAIL, DEMO_PASSWORD, type Member, seedTeam } from './seed-team.js';

export { DEMO_EMAIL, DEMO_PASSWORD } from './seed-team.js';

/** How many activities (跟进记录) the demo's year of work adds up to. */
const ACTIVITY_TARGET = 400;

/**
 * A living demo workspace, the same on every run (seeded faker; times relative to now): an
 * admin, two sales departments, about 60 accounts with their contacts, two pipelines with
 * about 80 deals in every stage and their stage histories over the past year, about 80 leads
 * (some converted, some in the lead pool), about 400 activities, about 60 tasks, and an
 * account pool with rules, accounts in it, and a few reclaim warnings due.
 *
 * Every write goes through the services (audit, history, events and rules apply), as the
 * person who did it, at the past moment it happened (a context whose clock shows that time).
 */
export async function seedDemo(database: Database) {
  const db = database.db;
  fakerZH_CN.seed(20261125);
  fakerEN_US.seed(20261125);
  const f = fakerZH_CN;
  const clock = new SeedClock(new Date(), f);
  const team = await seedTeam(db, clock.daysAgo(400));
  const admin = team.admin.ctx;
  const [main] = await listPipelines(admin);
  const renewal = await createPipeline(at(admin, clock.daysAgo(395)), RENEWAL_PIPELINE);
  await seedPoolRules(team, clock.daysAgo(390));
  const journal = new Journal(f, clock.now);
  const w: Walker = { f, clock, journal, pipelines: { new: main, renewal } };

  const accounts = await seedAccounts(team, clock);
  const { plans, conversionStages } = planDeals(f, clock, accounts);
  // The colleagues who claimed accounts back from the pool work them only after the claim.
  const afterClaim = (p: DealPlan) => p.account.periods.indexOf(p.period) > 0;
  const openDeals = new Map<Member, string[]>();
  const play = async (plan: DealPlan) => {
    const id = await walkDeal(w, plan);
    const owner = plan.period.owner;
    if (plan.final < WON) openDeals.set(owner, [...(openDeals.get(owner) ?? []), id]);
  };
  for (const plan of plans.filter((p) => !afterClaim(p))) await play(plan);
  for (const a of accounts) {
    if (a.returnedAt) await followUpsBefore(w, a, a.periods[0], f.number.int({ min: 0, max: 1 }));
  }
  const pool = await returnAndClaimAccounts(f, accounts);
  for (const plan of plans.filter(afterClaim)) await play(plan);

  const leads = await seedLeads(team, clock, journal);
  const conversions = await convertLeads(w, leads.toConvert, accounts, conversionStages);
  const everyAccount = [...accounts, ...conversions.accounts];
  await recentFollowUps(w, everyAccount);
  await fillFollowUps(w, everyAccount, ACTIVITY_TARGET);

  const books = new Map<Member, Book>();
  const bookOf = (m: Member) => {
    const book = books.get(m) ?? { accounts: [], deals: openDeals.get(m) ?? [], leads: [] };
    books.set(m, book);
    return book;
  };
  for (const a of everyAccount) if (a.owner) bookOf(a.owner).accounts.push(a.id);
  for (const lead of leads.open) bookOf(lead.owner).leads.push(lead.id);
  const adminBook = bookOf(team.admin);
  adminBook.accounts = accounts.filter((a) => a.cohort === 'customer').map((a) => a.id);
  const tasks = await seedTasks(f, clock, team, books);
  // Reminders due before now went off at their own times, as the job worker would have run them.
  const due = [...new Set(tasks.reminders.filter((t) => t <= clock.now).map((t) => t.getTime()))];
  for (const t of due.sort((a, b) => a - b)) {
    await runDueJobs(database, new Date(t), { workspaceId: team.workspaceId, limit: 100 });
  }

  // The first reclaim run, as the job worker will do it on start: nothing is due yet, and the
  // owners of the accounts set up for it get their warnings.
  const reclaim = await reclaimWorkspace(db, team.workspaceId, clock.now);
  return {
    workspaceId: team.workspaceId,
    accounts: everyAccount.length,
    contacts: everyAccount.reduce((n, a) => n + a.contacts.length, 0),
    opportunities: plans.length + conversions.withOpportunity,
    leads: Object.values(leads.counts).reduce((n, c) => n + c, 0),
    convertedLeads: conversions.converted,
    activities: journal.count,
    tasks: tasks.count,
    accountsReturned: pool.returned,
    accountsInPool: pool.returned - pool.claimed,
    reclaimed: reclaim.reclaimed,
    reclaimWarnings: reclaim.warned,
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
  };
}

export type DemoSummary = Awaited<ReturnType<typeof seedDemo>>;

/** Seeds the demo workspace when the database has no workspace yet; null when it had one. */
export async function seedDemoIfEmpty(database: Database) {
  const [{ n }] = rowsOf<{ n: number }>(
    await database.db.execute(sql`select count(*)::int as n from workspaces`),
  );
  return n > 0 ? null : seedDemo(database);
}
