import type { EnumKind } from '../i18n/enums';
import { buildFilter, searchString } from '../lib/list-query';

/**
 * A filter above a record list. `param` is its URL search key, `field` the API field it filters
 * on (and whose label names it).
 */
export type RecordFilter<K extends string = string> =
  | {
      kind: 'enum';
      param: K;
      field: EnumKind;
      values: readonly string[];
      width: number;
      searchable?: boolean;
    }
  | { kind: 'owner'; param: K; field: 'ownerId'; width: number }
  | {
      kind: 'select';
      param: K;
      /** The API field filtered on (`eq`); its label names the filter. */
      field: string;
      width: number;
      /** Options known only at run time (pipelines, stages), given the list's search. */
      useOptions: (search: Readonly<Record<string, unknown>>) => { value: string; label: string }[];
    };

/** A filter over an enum field, worded by that enum's labels. */
export const enumFilter = <const F extends EnumKind>(
  field: F,
  values: readonly string[],
  options: { width: number; searchable?: boolean },
) => ({ kind: 'enum', param: field, field, values, ...options }) as const;

/** Records owned by one person; the URL says `owner=`. */
export const ownerFilter = { kind: 'owner', param: 'owner', field: 'ownerId', width: 170 } as const;

/** A filter whose options come from the server, e.g. the workspace's pipelines. */
export const selectFilter = <const P extends string>(
  param: P,
  field: string,
  options: {
    width: number;
    useOptions: (search: Readonly<Record<string, unknown>>) => { value: string; label: string }[];
  },
) => ({ kind: 'select', param, field, ...options }) as const;

/** URL search of a record list, so a filtered view can be bookmarked and shared. */
export type RecordSearch<K extends string = string> = {
  q?: string;
  sort?: string;
  trash?: boolean;
} & { [P in K]?: string };

/** Reads a record list's search out of the URL: text, sort, the declared filters, trash. */
export const recordSearchValidator =
  <K extends string>(filters: readonly RecordFilter<K>[]) =>
  (search: Record<string, unknown>): RecordSearch<K> =>
    ({
      q: searchString(search, 'q'),
      sort: searchString(search, 'sort'),
      ...Object.fromEntries(filters.map((f) => [f.param, searchString(search, f.param)])),
      trash: search.trash === true || search.trash === 'true' ? true : undefined,
    }) as RecordSearch<K>;

/** The API `filter` for the filters set in the search. */
export const filterQuery = <K extends string>(
  filters: readonly RecordFilter<K>[],
  search: RecordSearch<K>,
) =>
  buildFilter(
    Object.fromEntries(
      filters.map((f) => {
        const value = search[f.param];
        return [f.field, value ? { eq: value } : undefined];
      }),
    ),
  );

/** Whether the text search or any filter narrows the list. */
export const isFiltered = <K extends string>(
  filters: readonly RecordFilter<K>[],
  search: RecordSearch<K>,
) => Boolean(search.q || filters.some((f) => search[f.param]));

/** The search patch that clears the text search and every filter. */
export const clearedFilters = <K extends string>(filters: readonly RecordFilter<K>[]) =>
  ({
    q: undefined,
    ...Object.fromEntries(filters.map((f) => [f.param, undefined])),
  }) as Partial<RecordSearch<K>>;
