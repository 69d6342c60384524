import type { Me } from '@guanxi/contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api-client';

export const authKeys = {
  all: ['auth'] as const,
  me: () => ['auth', 'me'] as const,
};

export type SignupBody = {
  email: string;
  password: string;
  name: string;
  workspaceName: string;
  locale?: 'zh-CN' | 'en';
};
export type LoginBody = { email: string; password: string };
export type AcceptInvitationBody = { token: string; name: string; password: string };

export const authClient = {
  /** The signed-in person, or null when there is no session. */
  me: async (signal?: AbortSignal): Promise<Me | null> => {
    try {
      return await api.get<Me>('/auth/me', { signal });
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  login: (body: LoginBody) => api.post<Me>('/auth/login', body),
  signup: (body: SignupBody) => api.post<Me>('/auth/signup', body),
  logout: () => api.post<void>('/auth/logout'),
  acceptInvitation: (body: AcceptInvitationBody) => api.post<Me>('/invitations/accept', body),
};

export const meQueryOptions = queryOptions({
  queryKey: authKeys.me(),
  queryFn: ({ signal }) => authClient.me(signal),
  staleTime: 5 * 60_000,
  retry: false,
});

const useSignedIn = () => {
  const queryClient = useQueryClient();
  return (me: Me) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    queryClient.setQueryData(authKeys.me(), me);
  };
};

export const useLogin = () => {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: authClient.login, onSuccess: signedIn });
};

export const useSignup = () => {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: authClient.signup, onSuccess: signedIn });
};

export const useAcceptInvitation = () => {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: authClient.acceptInvitation, onSuccess: signedIn });
};

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authClient.logout,
    onSettled: () => {
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
};
