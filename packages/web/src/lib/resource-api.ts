import type { AuditEntry } from '@guanxi/contract';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, ifMatch } from './api-client';

export type ListParams = {
  q?: string;
  sort?: string;
  /** JSON text of the API's filter object. */
  filter?: string;
  deleted?: boolean;
  limit?: number;
};
export type ListPage<T> = { data: T[]; nextCursor: string | null };
type Versioned = { id: string; version: number; deletedAt: string | null };
/** `allowDuplicates`: the person confirmed saving a record the duplicate check flagged. */
type WriteOptions = { allowDuplicates?: boolean };
const writeQuery = (options: WriteOptions = {}) =>
  options.allowDuplicates ? { allowDuplicates: 'true' } : undefined;

/**
 * Query keys, client calls and TanStack Query hooks for one REST resource
 * (`/api/v1/<resource>` with list, get, create, patch, delete, restore, history).
 */
export function createResourceApi<T extends Versioned, CreateInput, UpdateInput>(
  resource: string,
  options: { alsoInvalidate?: string[] } = {},
) {
  const path = `/${resource}`;
  const keys = {
    all: [resource] as const,
    lists: () => [resource, 'list'] as const,
    list: (params: ListParams) => [resource, 'list', params] as const,
    detail: (id: string) => [resource, 'detail', id] as const,
    history: (id: string) => [resource, 'history', id] as const,
    options: (q: string) => [resource, 'options', q] as const,
  };

  const client = {
    list: (params: ListParams, cursor: string | null, signal?: AbortSignal) =>
      api.get<ListPage<T>>(path, {
        query: {
          limit: params.limit ?? 50,
          cursor,
          sort: params.sort,
          q: params.q,
          filter: params.filter,
          deleted: params.deleted ? 'true' : undefined,
        },
        signal,
      }),
    get: (id: string, signal?: AbortSignal) => api.get<T>(`${path}/${id}`, { signal }),
    create: (input: CreateInput, idempotencyKey: string, options?: WriteOptions) =>
      api.post<T>(path, input, {
        headers: { 'Idempotency-Key': idempotencyKey },
        query: writeQuery(options),
      }),
    update: (id: string, version: number, input: UpdateInput, options?: WriteOptions) =>
      api.patch<T>(`${path}/${id}`, input, {
        headers: { 'If-Match': ifMatch(version) },
        query: writeQuery(options),
      }),
    remove: (id: string) => api.delete(`${path}/${id}`),
    restore: (id: string) => api.post<T>(`${path}/${id}/restore`),
    history: (id: string, signal?: AbortSignal) =>
      api.get<{ data: AuditEntry[] }>(`${path}/${id}/history`, { signal }),
  };

  const useInvalidate = () => {
    const queryClient = useQueryClient();
    return async (record: T) => {
      queryClient.setQueryData(keys.detail(record.id), record);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.lists() }),
        queryClient.invalidateQueries({ queryKey: keys.history(record.id) }),
        ...(options.alsoInvalidate ?? []).map((other) =>
          queryClient.invalidateQueries({ queryKey: [other] }),
        ),
      ]);
    };
  };

  const hooks = {
    useList: (params: ListParams) =>
      useInfiniteQuery({
        queryKey: keys.list(params),
        queryFn: ({ pageParam, signal }) => client.list(params, pageParam, signal),
        initialPageParam: null as string | null,
        getNextPageParam: (last) => last.nextCursor,
        placeholderData: keepPreviousData,
      }),
    useOne: (id: string) =>
      useQuery({ queryKey: keys.detail(id), queryFn: ({ signal }) => client.get(id, signal) }),
    /** A short list of records matching `q`, by name, for pickers and quick search. */
    useOptions: (q: string, options: { limit: number; enabled: boolean }) =>
      useQuery({
        queryKey: keys.options(q),
        queryFn: ({ signal }) =>
          client.list({ q: q || undefined, sort: 'name', limit: options.limit }, null, signal),
        select: (page) => page.data,
        enabled: options.enabled,
        staleTime: 10_000,
      }),
    useHistory: (id: string) =>
      useQuery({
        queryKey: keys.history(id),
        queryFn: ({ signal }) => client.history(id, signal).then((r) => r.data),
      }),
    useCreate: () => {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: (vars: { input: CreateInput; idempotencyKey: string } & WriteOptions) =>
          client.create(vars.input, vars.idempotencyKey, vars),
        onSuccess: invalidate,
      });
    },
    useUpdate: () => {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: (vars: { id: string; version: number; input: UpdateInput } & WriteOptions) =>
          client.update(vars.id, vars.version, vars.input, vars),
        onSuccess: invalidate,
      });
    },
    useRemove: () => {
      const invalidate = useInvalidate();
      // The detail stays readable after a soft delete, marked as in the trash.
      return useMutation({
        mutationFn: (record: T) => client.remove(record.id),
        onSuccess: (_void, record) =>
          invalidate({ ...record, deletedAt: new Date().toISOString() }),
      });
    },
    useRestore: () => {
      const invalidate = useInvalidate();
      return useMutation({ mutationFn: client.restore, onSuccess: invalidate });
    },
  };

  return { keys, client, ...hooks };
}

export type ResourceApi<T extends Versioned, CreateInput, UpdateInput> = ReturnType<
  typeof createResourceApi<T, CreateInput, UpdateInput>
>;
