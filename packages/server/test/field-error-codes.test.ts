import { describe, expect, it } from 'vitest';
import { signUp } from './helpers.js';

// Clients word field errors in the person's language from `code` + `params`, so these are API.
describe('field error codes', () => {
  it('classifies each kind of refused value with a stable code and its parameters', async () => {
    const admin = await signUp();
    const res = await admin.post('/contacts', {
      name: '   ',
      email: 'not-an-email',
      phones: [{ label: 'mobile', number: 'abc-phone' }],
      buyingRole: 'boss',
      title: 'x'.repeat(121),
      version: 3,
      colour: 'red',
    });
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(res.json().errors.map((e: { path: string }) => [e.path, e]));
    expect(byPath.name).toMatchObject({ code: 'required' });
    expect(byPath.email).toMatchObject({ code: 'invalid_format', params: { format: 'email' } });
    expect(byPath['phones.0.number']).toMatchObject({
      code: 'invalid_format',
      params: { format: 'phone' },
    });
    expect(byPath.buyingRole).toMatchObject({ code: 'invalid_value' });
    expect(byPath.buyingRole.params.values).toContain('decision_maker');
    expect(byPath.title).toMatchObject({
      code: 'too_big',
      params: { origin: 'string', maximum: 120 },
    });
    expect(byPath.version).toMatchObject({ code: 'read_only' });
    expect(byPath.colour).toMatchObject({ code: 'unknown_field' });
  });

  it('tells a wrong type apart from a missing value', async () => {
    const admin = await signUp();
    const wrong = (await admin.post('/accounts', { name: 42 })).json().errors;
    expect(wrong).toEqual([
      expect.objectContaining({ path: 'name', code: 'invalid_type', message: 'must be a string' }),
    ]);
    const missing = (await admin.post('/accounts', {})).json().errors;
    expect(missing).toEqual([expect.objectContaining({ path: 'name', code: 'required' })]);
  });

  it('codes refusals made by the services too', async () => {
    const admin = await signUp();
    const link = await admin.post('/contacts', {
      name: 'Li Na',
      accountId: '01a2148f-bb9b-7fc8-8d6e-bcf5b0087483',
    });
    expect(link.statusCode).toBe(404);
    expect(link.json().errors).toEqual([
      expect.objectContaining({ path: 'accountId', code: 'not_found' }),
    ]);
    const owner = await admin.post('/accounts', {
      name: 'Acme',
      ownerId: '01a2148f-bb9b-7fc8-8d6e-bcf5b0087483',
    });
    expect(owner.statusCode).toBe(400);
    expect(owner.json().errors).toEqual([
      expect.objectContaining({ path: 'ownerId', code: 'inactive_user' }),
    ]);
    const filter = await admin.get(`/accounts?filter=${encodeURIComponent('{"nope":{"eq":1}}')}`);
    expect(filter.json().errors).toEqual([
      expect.objectContaining({ path: 'filter.nope', code: 'unknown_field' }),
    ]);
  });
});
