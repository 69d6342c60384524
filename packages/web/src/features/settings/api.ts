import type { ApiKey, Department, Invitation, Role, User } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../lib/api-client';

export const settingsKeys = {
  users: () => ['users'] as const,
  roles: () => ['roles'] as const,
  departments: () => ['departments'] as const,
  invitations: () => ['invitations'] as const,
  apiKeys: () => ['api-keys'] as const,
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
