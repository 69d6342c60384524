import type {
  Account,
  CreatePoolInput,
  Holdings,
  Lead,
  Pool,
  PoolObject,
  ReclaimReport,
  TransferRecordsInput,
  TransferResult,
  UpdatePoolInput,
} from '@guanxi/contract';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, ifMatch } from '../../lib/api-client';
import type { ListPage } from '../../lib/resource-api';

export type PooledRecord = Account | Lead;

/** Resources whose lists and records change when something is claimed, returned or moved. */
const RECORD_RESOURCES: Record<PoolObject, string> = { account: 'accounts', lead: 'leads' };

export const poolKeys = {
  all: ['pools'] as const,
  list: () => ['pools', 'list'] as const,
  holdings: () => ['pools', 'holdings'] as const,
  records: (poolId: string, q: string) => ['pools', 'records', poolId, q] as const,
};

export const poolsClient = {
  list: () => api.get<{ data: Pool[] }>('/pools').then((r) => r.data),
  holdings: () => api.get<Holdings>('/pools/holdings').then((r) => r.data),
  records: (poolId: string, q: string, cursor: string | null, signal?: AbortSignal) =>
    api.get<ListPage<PooledRecord>>(`/pools/${poolId}/records`, {
      query: { limit: 50, cursor, q, sort: '-pooledAt' },
      signal,
    }),
  claim: (object: PoolObject, id: string) =>
    api.post<PooledRecord>(`/${RECORD_RESOURCES[object]}/${id}/claim`),
  giveBack: (object: PoolObject, id: string, reason: string) =>
    api.post<PooledRecord>(`/${RECORD_RESOURCES[object]}/${id}/return`, { reason }),
  create: (body: CreatePoolInput) => api.post<Pool>('/pools', body),
  update: (id: string, version: number, body: UpdatePoolInput) =>
    api.patch<Pool>(`/pools/${id}`, body, { headers: { 'If-Match': ifMatch(version) } }),
  remove: (id: string) => api.delete(`/pools/${id}`),
  runReclaim: (id: string, dryRun: boolean) =>
    api.post<ReclaimReport>(`/pools/${id}/run-reclaim`, { dryRun }),
  transfer: (userId: string, body: TransferRecordsInput) =>
    api.post<TransferResult>(`/users/${userId}/transfer`, body),
};

export const usePools = () => useQuery({ queryKey: poolKeys.list(), queryFn: poolsClient.list });
export const useHoldings = () =>
  useQuery({ queryKey: poolKeys.holdings(), queryFn: poolsClient.holdings });

export const usePoolRecords = (poolId: string, q: string) =>
  useInfiniteQuery({
    queryKey: poolKeys.records(poolId, q),
    queryFn: ({ pageParam, signal }) => poolsClient.records(poolId, q, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

/** After an owner change: pools, holdings and the object's own lists and record refresh. */
const useRefreshOwners = () => {
  const queryClient = useQueryClient();
  return (objects: readonly PoolObject[]) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: poolKeys.all }),
      ...objects.map((o) => queryClient.invalidateQueries({ queryKey: [RECORD_RESOURCES[o]] })),
    ]);
};

/** Claims one record; bulk claims call it once per row. */
export const useClaim = (object: PoolObject) => {
  const refresh = useRefreshOwners();
  return useMutation({
    mutationFn: (id: string) => poolsClient.claim(object, id),
    onSettled: () => refresh([object]),
  });
};

/**
 * Returns a record to its pool. Its page gets the answer as is (the owner may no longer see it,
 * so it is not fetched again); lists and pools refresh.
 */
export const useReturnToPool = (object: PoolObject) => {
  const queryClient = useQueryClient();
  const resource = RECORD_RESOURCES[object];
  return useMutation({
    mutationFn: (vars: { id: string; reason: string }) =>
      poolsClient.giveBack(object, vars.id, vars.reason),
    onSuccess: (record) => {
      queryClient.setQueryData([resource, 'detail', record.id], record);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: poolKeys.all }),
        queryClient.invalidateQueries({ queryKey: [resource, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [resource, 'history', record.id] }),
      ]);
    },
  });
};

const useRefreshingPools = <V, R>(mutationFn: (vars: V) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: poolKeys.all }),
  });
};

export const useSavePool = () =>
  useRefreshingPools((vars: { pool?: Pool; body: CreatePoolInput }) => {
    if (!vars.pool) return poolsClient.create(vars.body);
    const { objectType: _fixed, ...changes } = vars.body;
    return poolsClient.update(vars.pool.id, vars.pool.version, changes);
  });
export const useDeletePool = () => useRefreshingPools(poolsClient.remove);

/** What a pool's rules would reclaim now: a dry run, which writes nothing. */
export const useReclaimPreview = (pool: Pool) =>
  useQuery({
    queryKey: ['pools', 'reclaim-preview', pool.id] as const,
    queryFn: () => poolsClient.runReclaim(pool.id, true),
    gcTime: 0,
  });

export const useRunReclaim = () => {
  const refresh = useRefreshOwners();
  return useMutation({
    mutationFn: (vars: { pool: Pool; dryRun: boolean }) =>
      poolsClient.runReclaim(vars.pool.id, vars.dryRun),
    onSuccess: (report, vars) => (report.dryRun ? undefined : refresh([vars.pool.objectType])),
  });
};

export const useTransferRecords = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { userId: string; body: TransferRecordsInput }) =>
      poolsClient.transfer(vars.userId, vars.body),
    // Every kind of record may have changed hands.
    onSuccess: () => queryClient.invalidateQueries(),
  });
};
