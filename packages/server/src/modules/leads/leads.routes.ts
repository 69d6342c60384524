import { CreateLeadInput, LeadSchema, UpdateLeadInput } from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import { registerMergeRoute } from '../../platform/http/duplicate-routes.js';
import { registerRecordRoutes } from '../../platform/http/record-routes.js';
import { leadService, mergeLeads } from './leads.service.js';

export async function leadRoutes(app: FastifyInstance) {
  registerRecordRoutes(app, {
    path: '/leads',
    tag: 'Leads',
    noun: 'lead',
    record: LeadSchema,
    create: CreateLeadInput,
    update: UpdateLeadInput,
    service: leadService,
    duplicateCheck: true,
  });
  registerMergeRoute(app, {
    path: '/leads',
    tag: 'Leads',
    noun: 'lead',
    record: LeadSchema,
    merge: mergeLeads,
  });
}
