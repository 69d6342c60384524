import { searchString } from '../../lib/list-query';

/** URL search of the accounts list, so a filtered view can be bookmarked and shared. */
export type AccountSearch = {
  q?: string;
  sort?: string;
  industry?: string;
  tier?: string;
  status?: string;
  owner?: string;
  trash?: boolean;
};

export const validateAccountSearch = (search: Record<string, unknown>): AccountSearch => ({
  q: searchString(search, 'q'),
  sort: searchString(search, 'sort'),
  industry: searchString(search, 'industry'),
  tier: searchString(search, 'tier'),
  status: searchString(search, 'status'),
  owner: searchString(search, 'owner'),
  trash: search.trash === true || search.trash === 'true' ? true : undefined,
});
