import { ActivitySchema, CreateActivityInput, UpdateActivityInput } from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import { registerRecordRoutes } from '../../platform/http/record-routes.js';
import { activityService } from './activities.service.js';

export async function activityRoutes(app: FastifyInstance) {
  registerRecordRoutes(app, {
    path: '/activities',
    tag: 'Activities',
    noun: 'activity',
    nouns: 'activities',
    record: ActivitySchema,
    create: CreateActivityInput,
    update: UpdateActivityInput,
    service: activityService,
  });
}
