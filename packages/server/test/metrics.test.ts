import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { testApp, testDatabase } from './helpers.js';

describe('metrics', () => {
  it('serves Prometheus metrics by route pattern to a scraper with the token only', async () => {
    const token = 'scrape-token-0123456789';
    const app = await buildApp({
      config: loadConfig({ METRICS_TOKEN: token }),
      database: await testDatabase(),
    });
    afterAll(() => app.close());
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({
      method: 'GET',
      url: '/api/v1/accounts/01a2148f-bb9b-7fc8-8d6e-bcf5b0087483',
    });

    expect((await app.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(401);
    const wrong = await app.inject({
      method: 'GET',
      url: '/api/metrics',
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.statusCode).toBe(401);
    const res = await app.inject({
      method: 'GET',
      url: '/api/metrics',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain(
      'guanxi_http_request_duration_seconds_count{method="GET",route="/api/health",status_code="200"} 1',
    );
    expect(res.body).toContain('route="/api/v1/accounts/:id",status_code="401"');
    expect(res.body).not.toContain('01a2148f');
    expect(res.body).toContain('guanxi_process_resident_memory_bytes');
  });

  it('is off without a token', async () => {
    const app = await testApp();
    expect((await app.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(404);
  });
});
