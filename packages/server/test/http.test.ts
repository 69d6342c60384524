import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { countRows, dbRows, storedRecord, workspaceState } from './db-state.js';
import {
  anonymous,
  type Client,
  type Res,
  signUp,
  testApp,
  testDatabase,
  uniqueEmail,
} from './helpers.js';

const expectProblem = (res: Res, status: number, code: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = res.json();
  expect(body).toMatchObject({
    type: `https://guanxi.dev/problems/${code.replaceAll('_', '-')}`,
    title: expect.any(String),
    status,
    code,
    detail: expect.any(String),
  });
  return body;
};

describe('HTTP behaviour', () => {
  let admin: Client;
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp();
    admin = await signUp();
  });

  describe('errors', () => {
    it('are application/problem+json with type, title, status, code and detail', async () => {
      expectProblem(await (await anonymous()).get('/accounts'), 401, 'unauthenticated');
      const invalid = expectProblem(await admin.post('/accounts', {}), 400, 'validation_failed');
      expect(invalid.errors).toMatchObject([{ path: 'name', message: 'is required' }]);
      expectProblem(
        await admin.get('/accounts/0190a0b0-0000-7000-8000-000000000000'),
        404,
        'not_found',
      );
    });

    it('an unknown /api route is a 404 problem (after authentication for /api/v1)', async () => {
      const api = await app.inject({ method: 'GET', url: '/api/nope' });
      expect(expectProblem(api as Res, 404, 'not_found').detail).toBe('No route for GET /api/nope');
      const v1 = expectProblem(await admin.get('/no-such-thing?x=1'), 404, 'not_found');
      expect(v1.detail).toBe('No route for GET /api/v1/no-such-thing');
      expectProblem(await admin.delete('/accounts'), 404, 'not_found');
      // Callers without a session learn nothing about which routes exist.
      expectProblem(await (await anonymous()).get('/no-such-thing'), 401, 'unauthenticated');
    });
  });

  describe('request ids', () => {
    it('echoes a well-formed X-Request-Id and makes one up otherwise', async () => {
      const given = await app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-request-id': 'trace-abc.123' },
      });
      expect(given.headers['x-request-id']).toBe('trace-abc.123');
      const error = await admin.get('/nope', { 'x-request-id': 'trace-err-1' });
      expect(error.headers['x-request-id']).toBe('trace-err-1');

      const made = await app.inject({ method: 'GET', url: '/api/health' });
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const hostile = await app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-request-id': `not allowed: spaces; and ${'x'.repeat(80)}` },
      });
      expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('the request id is stored with the audit entry of a write', async () => {
      const res = await admin.post('/accounts', { name: 'Traced' }, { 'x-request-id': 'req-42' });
      expect(res.statusCode).toBe(201);
      const history = await admin.get(`/accounts/${res.json().id}/history`);
      expect(history.statusCode).toBe(200);
      const [row] = await dbRows<{ request_id: string }>(
        sql`select request_id from audit_entries where record_id = ${res.json().id}`,
      );
      expect(row.request_id).toBe('req-42');
    });
  });

  describe('security headers', () => {
    let webDir: string;
    let web: FastifyInstance;
    beforeAll(async () => {
      // A built web app of our own, so the page test does not depend on `npm run build`.
      webDir = mkdtempSync(path.join(tmpdir(), 'guanxi-web-'));
      writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Guanxi</title>');
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'false',
        WEB_DIST: webDir,
      });
      web = await buildApp({ config, database: await testDatabase() });
      await web.ready();
    });
    afterAll(async () => {
      await web?.close();
      rmSync(webDir, { recursive: true, force: true });
    });

    const expectSecurityHeaders = (res: { headers: Record<string, unknown> }) => {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    };

    it('on pages of the web app, including client-side routes', async () => {
      for (const url of ['/', '/accounts/some-id']) {
        const page = await web.inject({ method: 'GET', url });
        expect(page.statusCode).toBe(200);
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        expect(page.body).toContain('<title>Guanxi</title>');
        expectSecurityHeaders(page);
      }
    });

    it('on /api answers, successful or not, which are never cached', async () => {
      const responses = [
        await app.inject({ method: 'GET', url: '/api/health' }),
        await admin.get('/accounts'),
        await (await anonymous()).get('/accounts'),
        await admin.post('/accounts', '{bad json'),
      ];
      for (const res of responses) {
        expectSecurityHeaders(res);
        expect(res.headers['cache-control']).toBe('no-store');
      }
    });
  });

  describe('cookies and CSRF', () => {
    it('the session cookie is HttpOnly and SameSite=Lax; csrf_token is readable by scripts', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: {
          email: uniqueEmail('cookie'),
          password: 'a long enough password',
          name: 'Cookie Monster',
          workspaceName: 'Cookies Ltd.',
        },
      });
      expect(res.statusCode).toBe(201);
      const byName = Object.fromEntries(res.cookies.map((c) => [c.name, c]));
      expect(byName.gx_session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(byName.gx_session.value).toMatch(/^[\w-]{43}$/);
      expect(byName.csrf_token).toMatchObject({ sameSite: 'Lax', path: '/' });
      expect(byName.csrf_token.httpOnly).toBeFalsy();
      expect(byName.csrf_token.value).not.toBe(byName.gx_session.value);
      // Plain HTTP here (COOKIE_SECURE=auto), so not Secure; behind HTTPS they would be.
      expect(byName.gx_session.secure).toBeFalsy();
      const expires = new Date(byName.gx_session.expires as Date).getTime();
      expect(expires - Date.now()).toBeGreaterThan(29 * 86_400_000);
    });

    it('a cookie-authenticated POST, PATCH or DELETE without the right X-CSRF-Token is refused', async () => {
      const { id } = (await admin.post('/accounts', { name: 'Guarded' })).json();
      const other = await signUp();
      const otherToken = (other.auth as { cookies: Record<string, string> }).cookies.csrf_token;
      const before = await workspaceState(admin.workspaceId);
      const keysBefore = await countRows('api_keys', admin.workspaceId);

      const cookies = (admin.auth as { cookies: Record<string, string> }).cookies;
      for (const token of [null, '', 'wrong-token', otherToken]) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (token !== null) headers['x-csrf-token'] = token;
        const send = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: object) =>
          (await app.inject({
            method,
            url: `/api/v1${url}`,
            cookies,
            headers,
            payload: body && JSON.stringify(body),
          })) as Res;
        for (const res of [
          await send('POST', '/accounts', { name: 'Forged' }),
          await send('PATCH', `/accounts/${id}`, { name: 'Forged' }),
          await send('DELETE', `/accounts/${id}`),
          await send('POST', `/accounts/${id}/restore`, {}),
          await send('POST', '/api-keys', { name: 'Forged key' }),
          await send('POST', '/auth/logout', {}),
        ]) {
          const body = expectProblem(res, 403, 'csrf_failed');
          expect(body.title).toBe('Missing or wrong CSRF token');
        }
      }
      expect(await workspaceState(admin.workspaceId)).toEqual(before);
      expect(await countRows('api_keys', admin.workspaceId)).toBe(keysBefore);
      expect(await storedRecord('accounts', id)).toMatchObject({ name: 'Guarded', version: 1 });
      // The session survived the forged logout, and reads never need the token.
      expect((await admin.get('/auth/me')).statusCode).toBe(200);
      const withToken = await admin.patch(`/accounts/${id}`, { name: 'Guarded, edited' });
      expect(withToken.statusCode).toBe(200);
    });
  });

  describe('documentation and health', () => {
    it('GET /api/openapi.json is a public OpenAPI 3.1 document of the API', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.servers).toEqual([{ url: '/api/v1' }]);
      for (const p of ['/accounts', '/accounts/{id}', '/contacts', '/contacts/{id}']) {
        expect(Object.keys(doc.paths)).toContain(p);
      }
      expect(Object.keys(doc.paths['/accounts']).sort()).toEqual(['get', 'post']);
      expect(Object.keys(doc.paths['/contacts/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/accounts/{id}/restore', '/contacts/{id}/history', '/auth/login']),
      );
    });

    it('GET /api/health answers ok without authentication', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        status: 'ok',
        database: process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite',
      });
    });
  });
});
