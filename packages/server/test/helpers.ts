import { readFile } from 'node:fs/promises';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { openTestPglite } from './pglite.js';

let database: Promise<Database> | undefined;

/**
 * The database of this test file: a fresh in-memory PGlite loaded from the migrated snapshot
 * that global setup made, or a pool on the PostgreSQL test server that global setup migrated.
 * Tests isolate by workspace.
 */
export function testDatabase(): Promise<Database> {
  database ??= (async () => {
    const db =
      process.env.TEST_DB === 'postgres'
        ? await openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, poolSize: 4 })
        : await openTestPglite(new Blob([await readFile(inject('pgliteSnapshot'))]));
    afterAll(() => db.close());
    return db;
  })();
  return database;
}

let app: Promise<FastifyInstance> | undefined;

export function testApp(): Promise<FastifyInstance> {
  app ??= (async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      BODY_LIMIT_BYTES: '65536',
    });
    const instance = await buildApp({ config, database: await testDatabase() });
    await instance.ready();
    afterAll(() => instance.close());
    return instance;
  })();
  return app;
}

type Body = Record<string, unknown> | unknown[] | string;
export type Res = LightMyRequestResponse & { body: string; json: <T = Json>() => T };
// biome-ignore lint/suspicious/noExplicitAny: response bodies are inspected freely in tests
export type Json = any;

/** An HTTP client for one signed-in person (session cookie + CSRF) or one API key. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly auth: { cookies: Record<string, string> } | { apiKey: string } | null,
    readonly me?: Json,
  ) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ) {
    const h: Record<string, string> = { ...headers };
    let cookies: Record<string, string> | undefined;
    if (this.auth && 'apiKey' in this.auth) h.authorization = `Bearer ${this.auth.apiKey}`;
    if (this.auth && 'cookies' in this.auth) {
      cookies = this.auth.cookies;
      if (method !== 'GET' && !('x-csrf-token' in h))
        h['x-csrf-token'] = this.auth.cookies.csrf_token;
    }
    const payload =
      typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    return (await this.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: h,
      cookies,
      payload,
    })) as Res;
  }
  get = (url: string, headers?: Record<string, string>) =>
    this.request('GET', url, undefined, headers);
  post = (url: string, body?: Body, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body: Body, headers?: Record<string, string>) =>
    this.request('PATCH', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) =>
    this.request('DELETE', url, undefined, headers);

  get userId(): string {
    return this.me.user.id;
  }
  get workspaceId(): string {
    return this.me.workspace.id;
  }
}

const cookiesOf = (res: LightMyRequestResponse) =>
  Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));

let seq = 0;
export const uniqueEmail = (tag = 'user') =>
  `${tag}-${Date.now().toString(36)}-${seq++}@example.test`;

export async function signUp(
  overrides: Partial<{
    email: string;
    password: string;
    name: string;
    workspaceName: string;
    locale: string;
  }> = {},
): Promise<Client> {
  const a = await testApp();
  const res = await a.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: {
      email: uniqueEmail('admin'),
      password: 'a long enough password',
      name: 'Ada Admin',
      workspaceName: 'Acme Workspace',
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  return new Client(a, { cookies: cookiesOf(res) }, res.json());
}

export async function logIn(email: string, password: string): Promise<Client> {
  const a = await testApp();
  const res = await a.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return new Client(a, { cookies: cookiesOf(res) }, res.json());
}

export async function anonymous(): Promise<Client> {
  return new Client(await testApp(), null);
}

export async function withApiKey(client: Client): Promise<Client> {
  const res = await client.post('/api-keys', { name: 'test key' });
  if (res.statusCode !== 201) throw new Error(`api key failed: ${res.body}`);
  return new Client(client.app, { apiKey: res.json().key }, client.me);
}

export { cookiesOf };
