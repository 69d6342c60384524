import {
  CreateTaskInput,
  MyTasksSchema,
  ProblemSchema,
  TaskSchema,
  UpdateTaskInput,
} from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerRecordRoutes } from '../../platform/http/record-routes.js';
import { listMyTasks } from './my-tasks.js';
import { taskService } from './tasks.service.js';

export async function taskRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/tasks/mine', {
    schema: {
      tags: ['Tasks'],
      summary: 'My open tasks: overdue, due today, upcoming',
      description:
        '"Today" is the day in the `X-Time-Zone` header (an IANA zone such as Asia/Shanghai; the web app sends the browser\'s), else in the workspace\'s time zone. Overdue: due before now (all-day tasks: before today). Upcoming ends with the tasks without a due time.',
      headers: z.object({ 'x-time-zone': z.string().max(64).optional() }),
      response: { 200: MyTasksSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
    },
    handler: (req) => listMyTasks(req.ctx, req.headers['x-time-zone']),
  });
  registerRecordRoutes(app, {
    path: '/tasks',
    tag: 'Tasks',
    noun: 'task',
    record: TaskSchema,
    create: CreateTaskInput,
    update: UpdateTaskInput,
    service: taskService,
  });
}
