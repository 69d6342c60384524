import type { CreateTaskInput, MyTasks, Task, UpdateTaskInput } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch } from '../../lib/api-client';
import { createResourceApi } from '../../lib/resource-api';
import { linkFilter, type RecordLink } from '../activities/api';

/** Tasks: query keys, client and hooks; "my tasks" lives under the same key. */
export const tasksApi = createResourceApi<Task, CreateTaskInput, UpdateTaskInput>('tasks', {
  // "My tasks" lives under the same key and follows every change.
  alsoInvalidate: ['tasks'],
});

/** The browser's time zone: "today" for my tasks is the person's day, not the server's. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const myTasksKey = ['tasks', 'mine'] as const;

export const useMyTasks = () =>
  useQuery({
    queryKey: myTasksKey,
    queryFn: ({ signal }) =>
      api.get<MyTasks>('/tasks/mine', { headers: { 'X-Time-Zone': browserTimeZone() }, signal }),
  });

/** Open tasks of a record, soonest due first. */
export const useOpenTasks = (link: RecordLink) =>
  tasksApi.useList({
    filter: linkFilter(link, { status: { eq: 'open' } }),
    sort: 'dueAt,dueDate',
    limit: 50,
  });

/** Sets a task's status in one click (complete, reopen); every task list refreshes. */
export const useSetTaskStatus = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { task: Task; status: Task['status'] }) =>
      api.patch<Task>(
        `/tasks/${vars.task.id}`,
        { status: vars.status },
        { headers: { 'If-Match': ifMatch(vars.task.version) } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksApi.keys.all }),
  });
};
