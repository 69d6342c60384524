import type {
  ApiKey,
  AuditEntry,
  Department,
  Invitation,
  Role,
  RolePermissions,
  User,
} from '@guanxi/contract';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../lib/api-client';

export const settingsKeys = {
  users: () => ['users'] as const,
  roles: () => ['roles'] as const,
  departments: () => ['departments'] as const,
  invitations: () => ['invitations'] as const,
  apiKeys: () => ['api-keys'] as const,
  auditLog: (filters: AuditLogFilters) => ['audit-entries', filters] as const,
};

type DataOf<T> = { data: T[] };
export type UpdateUserBody = {
  roleId?: string;
  departmentId?: string | null;
  status?: 'active' | 'deactivated';
};
export type CreateInvitationBody = { email: string; roleId: string; departmentId?: string | null };
export type CreatedInvitation = Invitation & { token: string; acceptUrl: string };
export type CreatedApiKey = ApiKey & { key: string };
export type RoleBody = { name: string; permissions: RolePermissions };
export type DepartmentBody = { name?: string; parentId?: string | null };
export type AuditLogFilters = { objectType?: string; actorId?: string };
type AuditPage = { data: AuditEntry[]; nextCursor: string | null };

export const settingsClient = {
  users: () => api.get<DataOf<User>>('/users').then((r) => r.data),
  roles: () => api.get<DataOf<Role>>('/roles').then((r) => r.data),
  departments: () => api.get<DataOf<Department>>('/departments').then((r) => r.data),
  updateUser: (id: string, body: UpdateUserBody) => api.patch<User>(`/users/${id}`, body),
  invitations: () => api.get<DataOf<Invitation>>('/invitations').then((r) => r.data),
  createInvitation: (body: CreateInvitationBody) =>
    api.post<CreatedInvitation>('/invitations', body),
  revokeInvitation: (id: string) => api.delete(`/invitations/${id}`),
  apiKeys: () => api.get<DataOf<ApiKey>>('/api-keys').then((r) => r.data),
  createApiKey: (name: string) => api.post<CreatedApiKey>('/api-keys', { name }),
  revokeApiKey: (id: string) => api.delete(`/api-keys/${id}`),
  createRole: (body: RoleBody) => api.post<Role>('/roles', body),
  updateRole: (id: string, body: Partial<RoleBody>) => api.patch<Role>(`/roles/${id}`, body),
  createDepartment: (body: DepartmentBody) => api.post<Department>('/departments', body),
  updateDepartment: (id: string, body: DepartmentBody) =>
    api.patch<Department>(`/departments/${id}`, body),
  deleteDepartment: (id: string) => api.delete(`/departments/${id}`),
  auditLog: (filters: AuditLogFilters, cursor: string | null, signal?: AbortSignal) =>
    api.get<AuditPage>('/audit-entries', { query: { limit: 50, cursor, ...filters }, signal }),
};

export const useUsers = () =>
  useQuery({ queryKey: settingsKeys.users(), queryFn: settingsClient.users, staleTime: 60_000 });
export const useRoles = () =>
  useQuery({
    queryKey: settingsKeys.roles(),
    queryFn: settingsClient.roles,
    staleTime: 5 * 60_000,
  });
export const useDepartments = () =>
  useQuery({
    queryKey: settingsKeys.departments(),
    queryFn: settingsClient.departments,
    staleTime: 5 * 60_000,
  });

/** id → name of every user, to show owners without asking the server per row. */
export const useUserNames = () => {
  const { data } = useUsers();
  return useMemo(() => new Map((data ?? []).map((u) => [u.id, u.name])), [data]);
};

/** A change that refreshes the list it belongs to once the server has it. */
const useRefreshingMutation = <V, R>(
  mutationFn: (vars: V) => Promise<R>,
  queryKey: readonly unknown[],
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey }),
  });
};

export const useUpdateUser = () =>
  useRefreshingMutation(
    (vars: { id: string; body: UpdateUserBody }) => settingsClient.updateUser(vars.id, vars.body),
    settingsKeys.users(),
  );

export const useInvitations = () =>
  useQuery({ queryKey: settingsKeys.invitations(), queryFn: settingsClient.invitations });
export const useCreateInvitation = () =>
  useRefreshingMutation(settingsClient.createInvitation, settingsKeys.invitations());
export const useRevokeInvitation = () =>
  useRefreshingMutation(settingsClient.revokeInvitation, settingsKeys.invitations());

export const useApiKeys = () =>
  useQuery({ queryKey: settingsKeys.apiKeys(), queryFn: settingsClient.apiKeys });
export const useCreateApiKey = () =>
  useRefreshingMutation(settingsClient.createApiKey, settingsKeys.apiKeys());
export const useRevokeApiKey = () =>
  useRefreshingMutation(settingsClient.revokeApiKey, settingsKeys.apiKeys());

/** Saves a role: creates it without an id, else patches it. */
export const useSaveRole = () =>
  useRefreshingMutation(
    (vars: { id: string; body: Partial<RoleBody> } | { id?: undefined; body: RoleBody }) =>
      vars.id === undefined
        ? settingsClient.createRole(vars.body)
        : settingsClient.updateRole(vars.id, vars.body),
    settingsKeys.roles(),
  );

export const useCreateDepartment = () =>
  useRefreshingMutation(settingsClient.createDepartment, settingsKeys.departments());
export const useUpdateDepartment = () =>
  useRefreshingMutation(
    (vars: { id: string; body: DepartmentBody }) =>
      settingsClient.updateDepartment(vars.id, vars.body),
    settingsKeys.departments(),
  );
export const useDeleteDepartment = () =>
  useRefreshingMutation(settingsClient.deleteDepartment, settingsKeys.departments());

/** The workspace audit log, newest first, one page of 50 at a time. */
export const useAuditLog = (filters: AuditLogFilters) =>
  useInfiniteQuery({
    queryKey: settingsKeys.auditLog(filters),
    queryFn: ({ pageParam, signal }) => settingsClient.auditLog(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
