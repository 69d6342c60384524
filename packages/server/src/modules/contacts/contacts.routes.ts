import { ContactSchema, CreateContactInput, UpdateContactInput } from '@guanxi/contract';
import type { FastifyInstance } from 'fastify';
import { registerMergeRoute } from '../../platform/http/duplicate-routes.js';
import { registerRecordRoutes } from '../../platform/http/record-routes.js';
import { contactService, mergeContacts } from './contacts.service.js';

export async function contactRoutes(app: FastifyInstance) {
  registerRecordRoutes(app, {
    path: '/contacts',
    tag: 'Contacts',
    noun: 'contact',
    record: ContactSchema,
    create: CreateContactInput,
    update: UpdateContactInput,
    service: contactService,
    duplicateCheck: true,
  });
  registerMergeRoute(app, {
    path: '/contacts',
    tag: 'Contacts',
    noun: 'contact',
    record: ContactSchema,
    merge: mergeContacts,
  });
}
