import { fakerEN_US, fakerZH_CN } from '@faker-js/faker';
import type { ConvertLeadInput } from '@guanxi/contract';
import { accountInput } from '../../test/factories/index.js';
import { convertLead } from '../flows/convert-lead.js';
import { type DemoAccount, locationOf } from './seed-accounts.js';
import { addMs, at, DAY, isoDay } from './seed-clock.js';
import type { DemoLead } from './seed-leads.js';
import { expectedCloseOf, newDealName, type Walker, walkDeal } from './seed-opportunities.js';

/**
 * Converts the qualified leads through the real conversion flow (转化), each at its own past
 * time: four become an account, a contact and an opportunity that then moves on through the
 * pipeline (to the stages given); two become an account and a contact; two join an existing
 * customer of their owner as a new contact. Returns the accounts the conversions created.
 */
export async function convertLeads(
  w: Walker,
  leads: DemoLead[],
  accounts: DemoAccount[],
  stages: number[],
) {
  const { f, clock, pipelines } = w;
  const created: DemoAccount[] = [];
  let withOpportunity = 0;
  for (const [k, lead] of leads.entries()) {
    const owner = lead.owner;
    const qualified = lead.qualifiedAt ?? lead.createdAt;
    // Converted within the last 70 days: the new account's owner is still within the 90-day rule.
    const dayAfter = addMs(qualified, DAY);
    const earliest = dayAfter > clock.daysAgo(70) ? dayAfter : clock.daysAgo(70);
    const latest =
      clock.daysAgo(10) > addMs(earliest, DAY) ? clock.daysAgo(10) : addMs(earliest, DAY);
    const when = clock.between(earliest, latest, lead.zone);
    const fk = lead.locale === 'en' ? fakerEN_US : fakerZH_CN;
    const customer =
      k >= 6
        ? accounts.find(
            (a) => a.cohort === 'customer' && a.owner === owner && a.locale === lead.locale,
          )
        : undefined;
    const { place } = lead;
    const extra = accountInput(fk, lead.locale);
    const address =
      lead.locale === 'en'
        ? fk.location.streetAddress()
        : `${place.city}${fakerZH_CN.location.street()}${f.number.int({ min: 1, max: 999 })}号`;
    const stage = stages[k];
    const opens = k < 4 && stage !== undefined;
    const close = expectedCloseOf(w, stage ?? 0);
    const input: ConvertLeadInput = {
      account: customer
        ? { id: customer.id }
        : {
            create: {
              country: place.country,
              province: place.province,
              city: place.city,
              address,
              phone: extra.phone,
              website: extra.website,
              size: extra.size,
              status: 'prospect',
            },
          },
      contact: { create: {} },
      opportunity: opens
        ? {
            name: newDealName(fk, lead.locale, close),
            amount: `${f.number.int({ min: 50, max: 800 }) * 1000}.00`,
            currency: lead.locale === 'en' ? 'USD' : 'CNY',
            pipelineId: pipelines.new.id,
            stageId: pipelines.new.stages[0].id,
            expectedCloseDate: isoDay(close),
          }
        : undefined,
      allowDuplicates: true,
    };
    const result = await convertLead(at(owner.ctx, when), lead.id, input);
    if (customer) {
      customer.contacts.push({ id: result.contactId, buyingRole: null });
      continue;
    }
    const account: DemoAccount = {
      id: result.accountId,
      name: result.lead.company ?? result.lead.name,
      locale: lead.locale,
      zone: lead.zone,
      cohort: 'prospect',
      createdAt: when,
      periods: [{ owner, from: when, to: clock.now }],
      owner,
      contacts: [{ id: result.contactId, buyingRole: null }],
      location: locationOf(f, place.city, address),
    };
    created.push(account);
    if (result.opportunityId && stage !== undefined) {
      withOpportunity++;
      await walkDeal(
        w,
        { account, period: account.periods[0], pipeline: 'new', final: stage, from: when },
        { id: result.opportunityId, at: when },
      );
    }
  }
  return { accounts: created, converted: leads.length, withOpportunity };
}
