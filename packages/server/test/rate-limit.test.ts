import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { Client, cookiesOf, testDatabase, uniqueEmail } from './helpers.js';

describe('API rate limit', () => {
  it('answers 429 problem+json with Retry-After once a caller exceeds the limit, per caller', async () => {
    const config = loadConfig({ SEED_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '4' });
    const app = await buildApp({ config, database: await testDatabase() });
    afterAll(() => app.close());
    const signup = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: {
        email: uniqueEmail(),
        password: 'long enough pw',
        name: 'Ann',
        workspaceName: 'Limits',
      },
    });
    const ann = new Client(app, { cookies: cookiesOf(signup) }, signup.json());
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await ann.get('/accounts')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const limited = await ann.get('/accounts');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    // Another caller has a budget of their own; pages and health are not limited.
    const other = await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(other.statusCode).toBe(401);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });
});
