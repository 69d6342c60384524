/** One sort key as the API spells it: "name" ascending, "-name" descending. */
export type SortState = { field: string; direction: 'asc' | 'desc' } | null;

export const parseSort = (sort: string | undefined): SortState => {
  if (!sort) return null;
  const first = sort.split(',')[0];
  return first.startsWith('-')
    ? { field: first.slice(1), direction: 'desc' }
    : { field: first, direction: 'asc' };
};

/** Clicking a column sorts by it ascending; clicking it again flips the direction. */
export const toggleSort = (sort: string | undefined, field: string): string => {
  const current = parseSort(sort);
  if (current?.field === field && current.direction === 'asc') return `-${field}`;
  return field;
};

type FilterOp = { eq: string } | { in: string[] };

/** The `filter` query parameter: JSON of the conditions that are set, or undefined. */
export const buildFilter = (conditions: Record<string, FilterOp | undefined>) => {
  const entries = Object.entries(conditions).filter(([, op]) => op !== undefined);
  return entries.length > 0 ? JSON.stringify(Object.fromEntries(entries)) : undefined;
};

/** Reads an optional string out of an untyped URL search object. */
export const searchString = (search: Record<string, unknown>, key: string): string | undefined => {
  const value = search[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
};
