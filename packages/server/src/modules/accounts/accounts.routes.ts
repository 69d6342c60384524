import { AccountSchema, CreateAccountInput, UpdateAccountInput } from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import { registerRecordRoutes } from '../../platform/http/record-routes.js';
import {
  createAccount,
  deleteAccount,
  getAccount,
  getAccountHistory,
  listAccounts,
  restoreAccount,
  updateAccount,
} from './accounts.service.js';

export async function accountRoutes(app: FastifyInstance) {
  registerRecordRoutes(app, {
    path: '/accounts',
    tag: 'Accounts',
    noun: 'account',
    record: AccountSchema,
    create: CreateAccountInput,
    update: UpdateAccountInput,
    service: {
      list: listAccounts,
      get: getAccount,
      create: createAccount,
      update: updateAccount,
      remove: deleteAccount,
      restore: restoreAccount,
      history: getAccountHistory,
    },
  });
}
