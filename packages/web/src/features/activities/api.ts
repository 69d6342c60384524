import type { Activity, CreateActivityInput, UpdateActivityInput } from '@guanxi/contract';
import { createResourceApi } from '../../lib/resource-api';

/** Activities: query keys, client and hooks. A logged activity moves its record's "last activity". */
export const activitiesApi = createResourceApi<Activity, CreateActivityInput, UpdateActivityInput>(
  'activities',
  { alsoInvalidate: ['accounts', 'leads'] },
);

/** The records an activity or task is about; the pages that show them pass one. */
export type RecordLink = {
  leadId?: string;
  accountId?: string;
  contactId?: string;
  opportunityId?: string;
};

/** The list filter selecting what is linked to all of the given records. */
export const linkFilter = (link: RecordLink, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    ...Object.fromEntries(
      Object.entries(link)
        .filter(([, id]) => id)
        .map(([field, id]) => [field, { eq: id }]),
    ),
    ...extra,
  });

export const TIMELINE_PAGE = 20;

/** A record's timeline, newest first, a page at a time. */
export const useTimeline = (link: RecordLink) =>
  activitiesApi.useList({ filter: linkFilter(link), sort: '-occurredAt', limit: TIMELINE_PAGE });
