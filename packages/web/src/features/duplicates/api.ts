import type { DuplicateMatch, DuplicateObject, DuplicateRules, MergeInput } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const RULES = ['duplicate-rules'] as const;

/** The workspace's duplicate rules: which keys count, per object. */
export const useDuplicateRules = () =>
  useQuery({
    queryKey: RULES,
    queryFn: ({ signal }) => api.get<DuplicateRules>('/duplicate-rules', { signal }),
  });

export const useSaveDuplicateRules = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: DuplicateRules) => api.put<DuplicateRules>('/duplicate-rules', rules),
    onSuccess: (saved) => queryClient.setQueryData(RULES, saved),
  });
};

/** Resources that merging may change: the merged object and everything linked to it. */
const LINKED = ['accounts', 'contacts', 'leads', 'opportunities', 'activities', 'tasks'];

export type MergeResult<T> = { survivor: T; moved: Record<string, number> };

/** `POST /<resource>/merge`, then every list and record that may have moved is refreshed. */
export const useMerge = <T>(object: DuplicateObject) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeInput) => api.post<MergeResult<T>>(`/${object}s/merge`, input),
    onSuccess: () =>
      Promise.all(LINKED.map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
};

export type DuplicateCheckFields = Partial<
  Record<'name' | 'company' | 'email' | 'phone' | 'website' | 'creditCode', string | null>
>;

/** `GET /duplicates`: records that a record with these values would duplicate (saves nothing). */
export const useDuplicateCheck = (
  object: DuplicateObject,
  fields: DuplicateCheckFields,
  enabled = true,
) =>
  useQuery({
    queryKey: ['duplicates', object, fields],
    queryFn: ({ signal }) =>
      api
        .get<{ data: DuplicateMatch[] }>('/duplicates', { query: { object, ...fields }, signal })
        .then((r) => r.data),
    enabled: enabled && Object.values(fields).some(Boolean),
    staleTime: 10_000,
  });
