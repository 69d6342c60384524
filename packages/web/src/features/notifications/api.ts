import type { Notification, NotificationList } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const keys = { all: ['notifications'] as const };
export const POLL_MS = 30_000;

/** My latest notifications and the unread count, refreshed every 30 seconds. */
export const useNotifications = () =>
  useQuery({
    queryKey: keys.all,
    queryFn: ({ signal }) =>
      api.get<NotificationList>('/notifications', { query: { limit: 20 }, signal }),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });

export const useMarkRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
};

export const useMarkAllRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
};
