import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../src/platform/http/problem.js';

// A transaction that lost a deadlock or a serialization check was rolled back whole by
// PostgreSQL: the client is told to send it again (409 with Retry-After), not that the server
// broke (500). The drivers raise the SQLSTATE on the error or on the one it wraps.

const app = Fastify({ logger: false });
registerErrorHandling(app);
const failing = (code: string, wrapped: boolean) => () => {
  const driver = Object.assign(new Error('database error'), { code });
  throw wrapped ? Object.assign(new Error('Failed query'), { cause: driver }) : driver;
};
app.get('/deadlock', failing('40P01', true));
app.get('/serialization', failing('40001', false));
app.get('/other', failing('23502', true));
afterAll(() => app.close());

describe('a transaction lost to a concurrent one', () => {
  it('answers 409 conflict with Retry-After for a deadlock and a serialization failure', async () => {
    for (const url of ['/deadlock', '/serialization']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.json()).toMatchObject({ code: 'conflict', status: 409 });
      expect(res.json().detail).toMatch(/nothing was saved/);
    }
  });

  it('leaves other database failures internal errors', async () => {
    const res = await app.inject({ method: 'GET', url: '/other' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('internal');
  });
});
