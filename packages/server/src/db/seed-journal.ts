import type { Faker } from '@faker-js/faker';
import type { ActivityKind, ActivityLocation, Locale, RecordLinkField } from '@guanxi/contract';
import { createActivity } from '../modules/activities/index.js';
import { addMs, at, MINUTE } from './seed-clock.js';
import type { Member } from './seed-team.js';
import { NOTES, OUTCOMES } from './seed-words.js';

export type Links = Partial<Record<RecordLinkField, string | null>>;

const DURATIONS: Partial<Record<ActivityKind, [number, number]>> = {
  call: [5, 40],
  meeting: [30, 120],
  visit: [45, 180],
};

/**
 * Writes the demo's activities (跟进记录) as the people who did them, each logged a little after
 * it happened; counts them for the seed's report.
 */
export class Journal {
  count = 0;

  constructor(
    private readonly f: Faker,
    private readonly now: Date,
  ) {}

  async log(
    owner: Member,
    occurredAt: Date,
    what: {
      kind: ActivityKind;
      subject: string;
      locale: Locale;
      links: Links;
      location?: ActivityLocation;
    },
  ): Promise<void> {
    const f = this.f;
    const range = DURATIONS[what.kind];
    const logged = addMs(occurredAt, f.number.int({ min: 5, max: 90 }) * MINUTE);
    const loggedAt = logged > this.now ? this.now : logged;
    await createActivity(at(owner.ctx, loggedAt), {
      kind: what.kind,
      subject: what.subject,
      occurredAt: occurredAt.toISOString(),
      durationMinutes: range ? f.number.int({ min: range[0], max: range[1] }) : null,
      outcome:
        what.kind !== 'note' && f.datatype.boolean(0.7)
          ? f.helpers.arrayElement(OUTCOMES[what.locale])
          : null,
      body: f.datatype.boolean(0.4) ? f.helpers.arrayElement(NOTES[what.locale]) : null,
      location: what.kind === 'visit' ? (what.location ?? null) : null,
      ownerId: owner.userId,
      ...what.links,
    });
    this.count++;
  }
}
