import { searchString } from '../../lib/list-query';

/** URL search of the contacts list. */
export type ContactSearch = {
  q?: string;
  sort?: string;
  buyingRole?: string;
  owner?: string;
  trash?: boolean;
};

export const validateContactSearch = (search: Record<string, unknown>): ContactSearch => ({
  q: searchString(search, 'q'),
  sort: searchString(search, 'sort'),
  buyingRole: searchString(search, 'buyingRole'),
  owner: searchString(search, 'owner'),
  trash: search.trash === true || search.trash === 'true' ? true : undefined,
});
