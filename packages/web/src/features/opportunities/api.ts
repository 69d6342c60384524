import type {
  Board,
  BoardSort,
  CreateOpportunityInput,
  CreatePipelineInput,
  CreateStageInput,
  Opportunity,
  OpportunityContact,
  Pipeline,
  SetOpportunityContactsInput,
  StageChange,
  UpdateOpportunityInput,
  UpdatePipelineInput,
  UpdateStageInput,
} from '@guanxi/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { createResourceApi, type ListPage } from '../../lib/resource-api';

const BOARD = 'opportunity-board';
const STAGE_HISTORY = 'opportunity-stage-history';
const CONTACT_ROLES = 'opportunity-contacts';
const PIPELINES = 'pipelines';

/** Opportunities: query keys, client and hooks. A saved one refreshes the board and its tabs. */
export const opportunitiesApi = createResourceApi<
  Opportunity,
  CreateOpportunityInput,
  UpdateOpportunityInput
>('opportunities', { alsoInvalidate: [BOARD, STAGE_HISTORY, CONTACT_ROLES] });

export type BoardParams = { pipelineId?: string; filter?: string; q?: string; sort: BoardSort };

export const opportunityKeys = {
  board: (params: BoardParams) => [BOARD, params] as const,
  stageHistory: (id: string) => [STAGE_HISTORY, id] as const,
  contacts: (id: string) => [CONTACT_ROLES, id] as const,
  pipelines: () => [PIPELINES] as const,
};

const BOARD_LIMIT = 20;

export const opportunityClient = {
  board: (params: BoardParams, signal?: AbortSignal) =>
    api.get<Board>('/opportunities/board', { query: { ...params, limit: BOARD_LIMIT }, signal }),
  column: (params: BoardParams, stageId: string, cursor: string) =>
    api.get<ListPage<Opportunity>>(`/opportunities/board/stages/${stageId}`, {
      query: { ...params, limit: BOARD_LIMIT, cursor },
    }),
  stageHistory: (id: string, signal?: AbortSignal) =>
    api.get<{ data: StageChange[] }>(`/opportunities/${id}/stage-history`, { signal }),
  contacts: (id: string, signal?: AbortSignal) =>
    api.get<{ data: OpportunityContact[] }>(`/opportunities/${id}/contacts`, { signal }),
  setContacts: (id: string, body: SetOpportunityContactsInput) =>
    api.put<{ data: OpportunityContact[] }>(`/opportunities/${id}/contacts`, body),
  pipelines: (signal?: AbortSignal) => api.get<{ data: Pipeline[] }>('/pipelines', { signal }),
};

/** The workspace's pipelines with their stages, in order; the first is the default. */
export const usePipelines = () =>
  useQuery({
    queryKey: opportunityKeys.pipelines(),
    queryFn: ({ signal }) => opportunityClient.pipelines(signal).then((r) => r.data),
    staleTime: 60_000,
  });

export const useBoard = (params: BoardParams, enabled = true) =>
  useQuery({
    queryKey: opportunityKeys.board(params),
    queryFn: ({ signal }) => opportunityClient.board(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** Appends the next cards of one column to the cached board. */
export const useLoadMoreCards = (params: BoardParams) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { stageId: string; cursor: string }) =>
      opportunityClient.column(params, vars.stageId, vars.cursor),
    onSuccess: (page, { stageId }) =>
      queryClient.setQueryData<Board>(opportunityKeys.board(params), (board) =>
        board
          ? {
              ...board,
              columns: board.columns.map((c) =>
                c.stageId === stageId
                  ? { ...c, cards: [...c.cards, ...page.data], nextCursor: page.nextCursor }
                  : c,
              ),
            }
          : board,
      ),
  });
};

export type MoveVars = { opportunity: Opportunity; toStageId: string; lossReason?: string };

/** The board with one card moved to another column (counts follow; totals on refetch). */
const withCardMoved = (board: Board, { opportunity, toStageId }: MoveVars): Board => ({
  ...board,
  columns: board.columns.map((column) => {
    if (column.stageId === opportunity.stageId) {
      return {
        ...column,
        count: column.count - 1,
        cards: column.cards.filter((c) => c.id !== opportunity.id),
      };
    }
    if (column.stageId === toStageId) {
      return {
        ...column,
        count: column.count + 1,
        cards: [{ ...opportunity, stageId: toStageId }, ...column.cards],
      };
    }
    return column;
  }),
});

/**
 * Moves an opportunity to another stage from the board: the card moves at once and moves back
 * when the server refuses (e.g. a required field is missing); the error goes to the caller.
 */
export const useMoveOpportunity = (params: BoardParams) => {
  const queryClient = useQueryClient();
  const key = opportunityKeys.board(params);
  return useMutation({
    mutationFn: ({ opportunity, toStageId, lossReason }: MoveVars) =>
      opportunitiesApi.client.update(opportunity.id, opportunity.version, {
        stageId: toStageId,
        ...(lossReason ? { lossReason } : {}),
      }),
    onMutate: async (vars) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Board>(key);
      if (before) queryClient.setQueryData(key, withCardMoved(before, vars));
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(opportunitiesApi.keys.detail(saved.id), saved);
      // The moved card carries the new version at once, so a next move does not answer 412.
      queryClient.setQueryData<Board>(key, (board) =>
        board
          ? {
              ...board,
              columns: board.columns.map((c) => ({
                ...c,
                cards: c.cards.map((card) => (card.id === saved.id ? { ...card, ...saved } : card)),
              })),
            }
          : board,
      );
    },
    onSettled: (_saved, _error, vars) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [BOARD] }),
        queryClient.invalidateQueries({ queryKey: opportunitiesApi.keys.lists() }),
        queryClient.invalidateQueries({
          queryKey: opportunityKeys.stageHistory(vars.opportunity.id),
        }),
        queryClient.invalidateQueries({
          queryKey: opportunitiesApi.keys.history(vars.opportunity.id),
        }),
      ]),
  });
};

export const useStageHistory = (id: string) =>
  useQuery({
    queryKey: opportunityKeys.stageHistory(id),
    queryFn: ({ signal }) => opportunityClient.stageHistory(id, signal).then((r) => r.data),
  });

export const useOpportunityContacts = (id: string) =>
  useQuery({
    queryKey: opportunityKeys.contacts(id),
    queryFn: ({ signal }) => opportunityClient.contacts(id, signal).then((r) => r.data),
  });

export const useSetOpportunityContacts = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetOpportunityContactsInput) => opportunityClient.setContacts(id, body),
    onSuccess: (result) => {
      queryClient.setQueryData(opportunityKeys.contacts(id), result.data);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: opportunitiesApi.keys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: opportunitiesApi.keys.history(id) }),
        queryClient.invalidateQueries({ queryKey: [BOARD] }),
      ]);
    },
  });
};

// ------------------------------------------------------------------ pipeline settings (admins)

/** A settings change to pipelines; the pipelines and the board refresh once it is saved. */
const usePipelineChange = <V>(mutationFn: (vars: V) => Promise<unknown>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: opportunityKeys.pipelines() }),
        queryClient.invalidateQueries({ queryKey: [BOARD] }),
      ]),
  });
};

export const useCreatePipeline = () =>
  usePipelineChange((body: CreatePipelineInput) => api.post<Pipeline>('/pipelines', body));
export const useUpdatePipeline = () =>
  usePipelineChange((vars: { id: string; body: UpdatePipelineInput }) =>
    api.patch<Pipeline>(`/pipelines/${vars.id}`, vars.body),
  );
export const useDeletePipeline = () =>
  usePipelineChange((id: string) => api.delete(`/pipelines/${id}`));
export const useAddStage = () =>
  usePipelineChange((vars: { pipelineId: string; body: CreateStageInput }) =>
    api.post<Pipeline>(`/pipelines/${vars.pipelineId}/stages`, vars.body),
  );
export const useUpdateStage = () =>
  usePipelineChange((vars: { pipelineId: string; stageId: string; body: UpdateStageInput }) =>
    api.patch<Pipeline>(`/pipelines/${vars.pipelineId}/stages/${vars.stageId}`, vars.body),
  );
export const useDeleteStage = () =>
  usePipelineChange((vars: { pipelineId: string; stageId: string }) =>
    api.delete<Pipeline>(`/pipelines/${vars.pipelineId}/stages/${vars.stageId}`),
  );
export const useReorderStages = () =>
  usePipelineChange((vars: { pipelineId: string; stageIds: string[] }) =>
    api.put<Pipeline>(`/pipelines/${vars.pipelineId}/stage-order`, { stageIds: vars.stageIds }),
  );
