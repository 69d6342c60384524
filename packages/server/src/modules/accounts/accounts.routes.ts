import { AccountSchema, CreateAccountInput, UpdateAccountInput } from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import { registerMergeRoute } from '../../platform/http/duplicate-routes.js';
import { registerRecordRoutes } from '../../platform/http/record-routes.js';
import { accountService, mergeAccounts } from './accounts.service.js';

export async function accountRoutes(app: FastifyInstance) {
  registerRecordRoutes(app, {
    path: '/accounts',
    tag: 'Accounts',
    noun: 'account',
    record: AccountSchema,
    create: CreateAccountInput,
    update: UpdateAccountInput,
    service: accountService,
    duplicateCheck: true,
  });
  registerMergeRoute(app, {
    path: '/accounts',
    tag: 'Accounts',
    noun: 'account',
    record: AccountSchema,
    merge: mergeAccounts,
  });
}
