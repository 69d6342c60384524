import { AccountSchema, CreateAccountInput, UpdateAccountInput } from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import { registerRecordRoutes } from '../../platform/http/record-routes.js';
import { accountService } from './accounts.service.js';

export async function accountRoutes(app: FastifyInstance) {
  registerRecordRoutes(app, {
    path: '/accounts',
    tag: 'Accounts',
    noun: 'account',
    record: AccountSchema,
    create: CreateAccountInput,
    update: UpdateAccountInput,
    service: accountService,
  });
}
