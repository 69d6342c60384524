import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { countRows, dbRows } from '../../../test/db-state.js';
import {
  createTestAccount,
  createTestUser,
  createTestWorkspace,
  TEST_PASSWORD,
} from '../../../test/factories/index.js';
import {
  anonymous,
  Client,
  cookiesOf,
  logIn,
  type Res,
  signUp,
  testApp,
  testDatabase,
  uniqueEmail,
  withApiKey,
} from '../../../test/helpers.js';

const PASSWORD = 'a long enough password';

/** Sign-in from a given client address, so throttling counts stay per test. */
async function loginFrom(ip: string, email: string, password: string) {
  const app = await testApp();
  return (await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  })) as Res;
}

const userByEmail = async (email: string) =>
  dbRows<{ id: string; password_hash: string }>(
    sql`select id, password_hash from users where lower(email) = ${email.toLowerCase()}`,
  );
const sessionsOf = (userId: string) =>
  dbRows<{ token_hash: string }>(sql`select token_hash from sessions where user_id = ${userId}`);

describe('signup', () => {
  it('creates the workspace, its admin and a session, and signs in', async () => {
    const email = uniqueEmail('founder');
    const admin = await signUp({
      email: email.toUpperCase(),
      name: '张伟',
      workspaceName: '锐思科技',
    });
    expect(admin.me).toMatchObject({
      user: { email, name: '张伟', status: 'active' },
      workspace: { name: '锐思科技' },
      role: { builtinKey: 'admin', permissions: { manageWorkspace: true } },
    });
    expect(admin.me.workspaces).toEqual([{ id: admin.workspaceId, name: '锐思科技' }]);

    const [user] = await userByEmail(email);
    expect(user.id).toBe(admin.userId);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const [member] = await dbRows<{ role: string; status: string }>(
      sql`select r.builtin_key as role, m.status from members m
          join roles r on r.workspace_id = m.workspace_id and r.id = m.role_id
          where m.user_id = ${admin.userId}`,
    );
    expect(member).toEqual({ role: 'admin', status: 'active' });
    expect(await countRows('roles', admin.workspaceId)).toBe(3);
    expect(await countRows('departments', admin.workspaceId)).toBe(1);
    expect(await sessionsOf(admin.userId)).toHaveLength(1);

    const me = await admin.get('/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(admin.me);
  });

  it('refuses an email that is already registered, in any letter case, and writes nothing', async () => {
    const email = uniqueEmail('taken');
    await signUp({ email });
    const workspaceName = `Second ${email}`;
    const res = await (await anonymous()).post('/auth/signup', {
      email: email.toUpperCase(),
      password: PASSWORD,
      name: 'Someone Else',
      workspaceName,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'conflict',
      errors: [{ path: 'email', message: 'is already registered' }],
    });
    expect(res.cookies).toEqual([]);
    expect(await userByEmail(email)).toHaveLength(1);
    const ws = await dbRows(sql`select id from workspaces where name = ${workspaceName}`);
    expect(ws).toEqual([]);
  });

  it('two sign-ups with one email at once: one 201, one 409, never a 500', async () => {
    const nobody = await anonymous();
    for (let i = 0; i < 3; i++) {
      const email = uniqueEmail('race');
      const body = { email, password: PASSWORD, name: 'Racer', workspaceName: `Race ${email}` };
      const results = await Promise.all([
        nobody.post('/auth/signup', body),
        nobody.post('/auth/signup', body),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const loser = results.find((r) => r.statusCode === 409);
      expect(loser?.json().errors).toMatchObject([
        { path: 'email', message: 'is already registered' },
      ]);
      expect(await userByEmail(email)).toHaveLength(1);
      // The loser's workspace was rolled back with its user.
      const ws = await dbRows(sql`select id from workspaces where name = ${body.workspaceName}`);
      expect(ws).toHaveLength(1);
    }
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const workspaceName = `Never ${uniqueEmail()}`;
    const res = await (await anonymous()).post('/auth/signup', {
      email: 'not-an-email',
      password: 'short',
      name: '',
      workspaceName,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'name', 'password']);
    expect(await dbRows(sql`select id from workspaces where name = ${workspaceName}`)).toEqual([]);
  });
});

describe('login and logout', () => {
  it('signs in with the right password (email in any case) and starts a new session', async () => {
    const email = uniqueEmail('login');
    const admin = await signUp({ email });
    const again = await logIn(email.toUpperCase(), PASSWORD);
    expect(again.me).toEqual(admin.me);
    expect(await sessionsOf(admin.userId)).toHaveLength(2);
    expect((await again.get('/auth/me')).statusCode).toBe(200);
  });

  it('refuses a wrong password or unknown email alike, with no session', async () => {
    const email = uniqueEmail('wrong');
    const admin = await signUp({ email });
    const wrong = await loginFrom('198.51.100.10', email, 'not the password');
    const unknown = await loginFrom('198.51.100.10', uniqueEmail('nobody'), PASSWORD);
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({
        code: 'unauthenticated',
        detail: 'The email or password is incorrect.',
      });
      expect(res.cookies).toEqual([]);
    }
    expect(await sessionsOf(admin.userId)).toHaveLength(1);
  });

  it('throttles repeated failures with 429 and Retry-After, even for the right password', async () => {
    const email = uniqueEmail('throttled');
    const admin = await signUp({ email });
    const ip = '198.51.100.20';
    for (let i = 0; i < 5; i++) {
      expect((await loginFrom(ip, email, `guess ${i}`)).statusCode).toBe(401);
    }
    for (const password of ['guess 6', PASSWORD]) {
      const res = await loginFrom(ip, email, password);
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ code: 'rate_limited', status: 429 });
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
    }
    // The block is per email: the same email from another address is refused too.
    expect((await loginFrom('198.51.100.21', email, PASSWORD)).statusCode).toBe(429);
    expect(await sessionsOf(admin.userId)).toHaveLength(1);
    const [row] = await dbRows<{ failures: number; blocked: boolean }>(
      sql`select failures, blocked_until > now() as blocked from login_throttle
          where key = ${`email:${email}`}`,
    );
    expect(row).toEqual({ failures: 5, blocked: true });
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const email = uniqueEmail('forgetful');
    await signUp({ email });
    const ip = '198.51.100.30';
    for (let i = 0; i < 4; i++) await loginFrom(ip, email, `guess ${i}`);
    expect((await loginFrom(ip, email, PASSWORD)).statusCode).toBe(200);
    expect(await dbRows(sql`select 1 from login_throttle where key = ${`email:${email}`}`)).toEqual(
      [],
    );
    for (let i = 0; i < 4; i++) {
      expect((await loginFrom(ip, email, `guess ${i}`)).statusCode).toBe(401);
    }
  });

  it('logs out: the session is deleted, cookies cleared, and the old cookie stops working', async () => {
    const email = uniqueEmail('leaving');
    const admin = await signUp({ email });
    const otherDevice = await logIn(email, PASSWORD);

    const res = await admin.post('/auth/logout');
    expect(res.statusCode).toBe(204);
    const cleared = Object.fromEntries(res.cookies.map((c) => [c.name, c]));
    expect(cleared.gx_session.value).toBe('');
    expect(cleared.csrf_token.value).toBe('');
    expect(new Date(cleared.gx_session.expires as Date).getTime()).toBeLessThan(Date.now());

    const after = await admin.get('/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
    expect((await admin.post('/accounts', { name: 'After logout' })).statusCode).toBe(401);
    expect(await countRows('accounts', admin.workspaceId)).toBe(0);
    // Only this session ended; the other device stays signed in.
    expect(await sessionsOf(admin.userId)).toHaveLength(1);
    expect((await otherDevice.get('/auth/me')).statusCode).toBe(200);
  });

  it('answers 401 problem+json to every API call without a session or key', async () => {
    const nobody = await anonymous();
    for (const res of [
      await nobody.get('/auth/me'),
      await nobody.get('/accounts'),
      await nobody.post('/contacts', { name: 'x' }),
      await nobody.post('/auth/logout'),
      await new Client(nobody.app, { cookies: { gx_session: 'forged', csrf_token: 'x' } }).get(
        '/auth/me',
      ),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthenticated', status: 401 });
    }
  });
});

describe('deactivated users', () => {
  it('lose their sessions and API keys at once and cannot sign in again', async () => {
    const { db } = await testDatabase();
    const ws = await createTestWorkspace(db);
    const rep = await createTestUser(db, ws, { role: 'sales_rep' });
    const { id: accountId } = await createTestAccount(rep.ctx, { name: 'Rep Account' });
    const session = await logIn(rep.email, TEST_PASSWORD);
    const script = await withApiKey(session);
    expect((await script.get(`/accounts/${accountId}`)).statusCode).toBe(200);
    const admin = await logIn(ws.admin.email, TEST_PASSWORD);

    const res = await admin.patch(`/users/${rep.userId}`, { status: 'deactivated' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: rep.userId, status: 'deactivated' });
    expect(await sessionsOf(rep.userId)).toEqual([]);

    for (const client of [session, script]) {
      expect((await client.get('/auth/me')).statusCode).toBe(401);
      expect((await client.get(`/accounts/${accountId}`)).statusCode).toBe(401);
      const write = await client.patch(`/accounts/${accountId}`, { name: 'Renamed' });
      expect(write.statusCode).toBe(401);
    }
    const relogin = await loginFrom('198.51.100.40', rep.email, TEST_PASSWORD);
    expect(relogin.statusCode).toBe(403);
    expect(relogin.json().code).toBe('forbidden');
    expect(await sessionsOf(rep.userId)).toEqual([]);
    const [account] = await dbRows(sql`select name, version from accounts where id = ${accountId}`);
    expect(account).toEqual({ name: 'Rep Account', version: 1 });
  });
});

describe('secrets never leave the server', () => {
  it('no response body carries a password, password hash, session token or stored key hash', async () => {
    const email = uniqueEmail('secretive');
    const bodies: string[] = [];
    const keep = (res: Res) => {
      expect(res.statusCode, res.body).toBeLessThan(300);
      bodies.push(res.body);
      return res;
    };
    const app = await testApp();
    const signup = keep(
      (await app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: { email, password: PASSWORD, name: 'Sam Secret', workspaceName: 'Vault Inc.' },
      })) as Res,
    );
    const admin = new Client(app, { cookies: cookiesOf(signup) }, signup.json());
    const login = keep(await loginFrom('198.51.100.50', email, PASSWORD));
    const sessionTokens = [admin, new Client(app, { cookies: cookiesOf(login) })].map(
      (c) => (c.auth as { cookies: Record<string, string> }).cookies.gx_session,
    );
    const created = keep(await admin.post('/api-keys', { name: 'CI' }));
    const script = new Client(app, { apiKey: created.json().key });
    const roleId = admin.me.role.id;
    keep(await admin.post('/invitations', { email: uniqueEmail('invitee'), roleId }));
    for (const url of ['/auth/me', '/users', '/api-keys', '/roles', '/invitations']) {
      keep(await admin.get(url));
      keep(await script.get(url));
    }
    keep(await admin.patch(`/users/${admin.userId}`, { name: 'Sam S.' }));

    const [user] = await userByEmail(email);
    const keyHashes = await dbRows<{ key_hash: string }>(
      sql`select key_hash from api_keys where workspace_id = ${admin.workspaceId}`,
    );
    const tokenHashes = await sessionsOf(admin.userId);
    const secrets = [
      PASSWORD,
      user.password_hash,
      '$argon2',
      ...sessionTokens,
      ...keyHashes.map((k) => k.key_hash),
      ...tokenHashes.map((t) => t.token_hash),
    ];
    expect(bodies).toHaveLength(15);
    for (const body of bodies) {
      for (const secret of secrets) expect(body).not.toContain(secret);
      expect(body).not.toMatch(/password|keyHash|tokenHash/i);
    }
    // The API key itself appears in exactly one answer: the one that created it.
    expect(bodies.filter((b) => b.includes(created.json().key))).toHaveLength(1);
  });
});
