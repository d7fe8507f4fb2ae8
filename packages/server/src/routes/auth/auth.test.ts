import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../commands/workspaces.js';
import { totpCodeAt } from '../../lib/totp.js';
import { startTestServer, type TestServer } from '../../test-support/app.js';

/** A clock the test moves: throttles, challenges and TOTP codes all follow it. */
let clock = new Date('2026-03-01T12:00:00Z');
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

/** Each request from its own address (the server trusts X-Forwarded-For here), so the per-IP
 * limit stays out of the way of the per-account throttle under test. */
let requests = 0;
const nextAddress = () => {
  requests += 1;
  return `10.0.${requests >> 8}.${requests & 255}`;
};

interface Session {
  cookie: string;
  csrfToken: string;
}

describe('sign-in', () => {
  let app: TestServer;

  const post = (path: string, body: unknown, session?: Session, csrf = true) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': nextAddress(),
        ...(session ? { cookie: session.cookie } : {}),
        ...(session && csrf ? { 'x-csrf-token': session.csrfToken } : {}),
      },
      body: JSON.stringify(body),
    });
  const get = (path: string, session: Session) =>
    fetch(`${app.url}${path}`, { headers: { cookie: session.cookie } });
  const login = (email: string, password: string, extra: Record<string, unknown> = {}) =>
    post('/api/auth/login', { email, password, ...extra });
  const sessionOf = async (response: Response): Promise<Session> => {
    expect(response.status).toBe(200);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { cookie, csrfToken };
  };
  const addWorkspace = (name: string, email: string, password: string) =>
    createWorkspace(app.server.context.db, {
      name,
      admin: { email, name: 'Owner', password },
    });

  beforeAll(async () => {
    app = await startTestServer('pglite', { now: () => clock, trustProxy: true });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await login(app.operator.email, 'not-the-password');
    const unknown = await login('nobody@test.local', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('locks an account for a while after five failures, then lets the right password in', async () => {
    await addWorkspace('Throttled', 'throttled@test.local', 'violet-harbor-canoe');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login('throttled@test.local', 'wrong-password-1')).status).toBe(401);
    }
    const locked = await login('throttled@test.local', 'violet-harbor-canoe');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(60);
    expect(await locked.json()).toMatchObject({
      error: { code: 'too_many_attempts', message: expect.stringMatching(/Try again in a minute/) },
    });
    // Another account is not slowed down.
    expect((await login(app.operator.email, app.operator.password)).status).toBe(200);

    advance(61_000);
    expect((await login('throttled@test.local', 'violet-harbor-canoe')).status).toBe(200);
  });

  it('doubles the lock on failures after the first lock', async () => {
    await addWorkspace('Backoff', 'backoff@test.local', 'violet-harbor-canoe');
    for (let attempt = 0; attempt < 5; attempt += 1)
      await login('backoff@test.local', 'nope-nope-1');
    advance(61_000);
    expect((await login('backoff@test.local', 'nope-nope-1')).status).toBe(401);
    const locked = await login('backoff@test.local', 'violet-harbor-canoe');
    expect(Number(locked.headers.get('retry-after'))).toBe(120);
    advance(121_000);
  });

  it('throttles unknown emails too, so a lock tells nothing', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) await login('ghost@test.local', 'nope-nope-1');
    expect((await login('ghost@test.local', 'nope-nope-1')).status).toBe(429);
    advance(61_000);
  });

  it('gives a burst of simultaneous guesses no more checks than guesses one after another', async () => {
    await addWorkspace('Burst', 'burst@test.local', 'violet-harbor-canoe');
    // Sent at once, from 20 addresses: each waits for scrypt, so a check-then-count throttle
    // let all of them through before the first failure was counted.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => login('burst@test.local', `wrong-guess-${index}`)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    // And the right password is locked out like the guesses until the lock ends.
    expect((await login('burst@test.local', 'violet-harbor-canoe')).status).toBe(429);
    advance(61_000);
    expect((await login('burst@test.local', 'violet-harbor-canoe')).status).toBe(200);
  });

  it('ends a session on logout only with its CSRF token', async () => {
    const session = await sessionOf(await login(app.operator.email, app.operator.password));
    const forged = await post('/api/auth/logout', {}, session, false);
    expect(forged.status).toBe(403);
    expect((await get('/api/auth/me', session)).status).toBe(200);

    expect((await post('/api/auth/logout', {}, session)).status).toBe(204);
    expect((await get('/api/auth/me', session)).status).toBe(401);
    // Without a live session there is nothing to protect: the cookie is just cleared.
    expect((await post('/api/auth/logout', {}, session, false)).status).toBe(204);
  });

  it('lets one email sign in to several workspaces, asking which when the password fits both', async () => {
    const first = await addWorkspace('North', 'both@test.local', 'violet-harbor-canoe');
    const second = await addWorkspace('South', 'both@test.local', 'violet-harbor-canoe');
    await addWorkspace('West', 'both@test.local', 'quiet-maple-rocket');

    const choice = await login('both@test.local', 'violet-harbor-canoe');
    expect(choice.status).toBe(200);
    expect(choice.headers.get('set-cookie')).toBeNull();
    expect(await choice.json()).toEqual({
      workspaceChoiceRequired: true,
      workspaces: [
        { id: first.workspace.id, name: 'North' },
        { id: second.workspace.id, name: 'South' },
      ],
    });

    const south = await login('both@test.local', 'violet-harbor-canoe', {
      workspaceId: second.workspace.id,
    });
    const session = await sessionOf(south);
    const me = (await (await get('/api/auth/me', session)).json()) as {
      workspace: { name: string };
    };
    expect(me.workspace.name).toBe('South');

    // A password that fits one workspace only signs straight in there.
    const west = await sessionOf(await login('both@test.local', 'quiet-maple-rocket'));
    const westMe = (await (await get('/api/auth/me', west)).json()) as {
      workspace: { name: string };
    };
    expect(westMe.workspace.name).toBe('West');
  });

  it('changes the password with the current one, against the policy, ending other sessions', async () => {
    await addWorkspace('Changer', 'changer@test.local', 'violet-harbor-canoe');
    const here = await sessionOf(await login('changer@test.local', 'violet-harbor-canoe'));
    const elsewhere = await sessionOf(await login('changer@test.local', 'violet-harbor-canoe'));

    const wrongCurrent = await post(
      '/api/auth/password',
      { currentPassword: 'not-it-at-all', newPassword: 'amber-fjord-lantern' },
      here,
    );
    expect(wrongCurrent.status).toBe(400);
    const weak = await post(
      '/api/auth/password',
      { currentPassword: 'violet-harbor-canoe', newPassword: 'changer1234' },
      here,
    );
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ error: { code: 'weak_password' } });
    const noCsrf = await post(
      '/api/auth/password',
      { currentPassword: 'violet-harbor-canoe', newPassword: 'amber-fjord-lantern' },
      here,
      false,
    );
    expect(noCsrf.status).toBe(403);

    const changed = await post(
      '/api/auth/password',
      { currentPassword: 'violet-harbor-canoe', newPassword: 'amber-fjord-lantern' },
      here,
    );
    expect(changed.status).toBe(204);
    expect((await get('/api/auth/me', here)).status).toBe(200);
    expect((await get('/api/auth/me', elsewhere)).status).toBe(401);
    expect((await login('changer@test.local', 'violet-harbor-canoe')).status).toBe(401);
    expect((await login('changer@test.local', 'amber-fjord-lantern')).status).toBe(200);
  });

  describe('two-factor', () => {
    const email = 'totp@test.local';
    const password = 'violet-harbor-canoe';
    let secret = '';
    let recoveryCodes: string[] = [];

    const passwordStep = async () => {
      const response = await login(email, password);
      const body = (await response.json()) as { twoFactorRequired?: boolean; challenge?: string };
      expect(body.twoFactorRequired).toBe(true);
      return body.challenge ?? '';
    };

    it('enrols with a QR code and a confirming code, handing out recovery codes once', async () => {
      await addWorkspace('Two-factor', email, password);
      const session = await sessionOf(await login(email, password));
      const setup = await post('/api/auth/two-factor/setup', {}, session);
      expect(setup.status).toBe(200);
      const enrolment = (await setup.json()) as {
        secret: string;
        otpauthUrl: string;
        qrCode: string;
      };
      secret = enrolment.secret;
      expect(enrolment.otpauthUrl).toContain(`secret=${secret}`);
      expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);

      const wrong = await post('/api/auth/two-factor/confirm', { code: '000000' }, session);
      expect(wrong.status).toBe(400);
      const confirmed = await post(
        '/api/auth/two-factor/confirm',
        { code: totpCodeAt(secret, clock) },
        session,
      );
      expect(confirmed.status).toBe(200);
      recoveryCodes = ((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes;
      expect(recoveryCodes).toHaveLength(10);
      expect(await (await get('/api/auth/two-factor', session)).json()).toMatchObject({
        enabled: true,
        recoveryCodesLeft: 10,
      });
      // The secret is sealed at rest.
      const row = await app.server.context.db
        .selectFrom('users')
        .select('totp_secret_encrypted')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      expect(row.totp_secret_encrypted).not.toContain(secret);
    });

    it('asks for a code after the password, and gives a session only for the right one', async () => {
      // The code used to confirm is spent; the next time step brings a new one.
      const replayed = await post('/api/auth/login/totp', {
        challenge: await passwordStep(),
        code: totpCodeAt(secret, clock),
      });
      expect(replayed.status).toBe(401);

      advance(30_000);
      const challenge = await passwordStep();
      const wrong = await post('/api/auth/login/totp', { challenge, code: '123456' });
      expect(wrong.status).toBe(401);
      const right = await post('/api/auth/login/totp', {
        challenge,
        code: totpCodeAt(secret, clock),
      });
      const session = await sessionOf(right);
      expect((await get('/api/auth/me', session)).status).toBe(200);
      // A challenge signs in once.
      advance(30_000);
      const again = await post('/api/auth/login/totp', {
        challenge,
        code: totpCodeAt(secret, clock),
      });
      expect(again.status).toBe(401);
    });

    it('takes each recovery code once', async () => {
      const code = (recoveryCodes[0] ?? '').toUpperCase();
      await sessionOf(
        await post('/api/auth/login/totp', { challenge: await passwordStep(), code }),
      );
      const reused = await post('/api/auth/login/totp', { challenge: await passwordStep(), code });
      expect(reused.status).toBe(401);
    });

    it('expires challenges after five minutes', async () => {
      const challenge = await passwordStep();
      advance(5 * 60_000 + 30_000);
      const late = await post('/api/auth/login/totp', {
        challenge,
        code: totpCodeAt(secret, clock),
      });
      expect(late.status).toBe(401);
      expect(await late.json()).toMatchObject({ error: { message: /expired/ } });
    });

    it('locks the code step after five wrong codes', async () => {
      const challenge = await passwordStep();
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await post('/api/auth/login/totp', { challenge, code: '000000' });
      }
      const locked = await post('/api/auth/login/totp', {
        challenge,
        code: totpCodeAt(secret, clock),
      });
      expect(locked.status).toBe(429);
      expect(locked.headers.get('retry-after')).toBe('60');
      advance(61_000);
    });

    it('turns off with the password', async () => {
      advance(30_000);
      const challenge = await passwordStep();
      const session = await sessionOf(
        await post('/api/auth/login/totp', { challenge, code: totpCodeAt(secret, clock) }),
      );
      const wrong = await post('/api/auth/two-factor/disable', { password: 'nope-nope' }, session);
      expect(wrong.status).toBe(400);
      const off = await post('/api/auth/two-factor/disable', { password }, session);
      expect(off.status).toBe(204);
      await sessionOf(await login(email, password));
    });
  });

  describe('requiring two-factor for admins', () => {
    it('lets an admin without it reach only the enrolment routes until set up', async () => {
      const { workspace } = await addWorkspace('Strict', 'boss@test.local', 'violet-harbor-canoe');
      const boss = await sessionOf(await login('boss@test.local', 'violet-harbor-canoe'));
      const tooEarly = await fetch(`${app.url}/api/workspace/security`, {
        method: 'PUT',
        headers: {
          cookie: boss.cookie,
          'x-csrf-token': boss.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ requireAdminTwoFactor: true }),
      });
      expect(tooEarly.status).toBe(400);

      // The boss enrols, then requires it.
      const { secret } = (await (await post('/api/auth/two-factor/setup', {}, boss)).json()) as {
        secret: string;
      };
      await post('/api/auth/two-factor/confirm', { code: totpCodeAt(secret, clock) }, boss);
      const required = await fetch(`${app.url}/api/workspace/security`, {
        method: 'PUT',
        headers: {
          cookie: boss.cookie,
          'x-csrf-token': boss.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ requireAdminTwoFactor: true }),
      });
      expect(await required.json()).toEqual({ requireAdminTwoFactor: true });

      await app.server.context.db
        .insertInto('users')
        .values({
          workspace_id: workspace.id,
          email: 'deputy@test.local',
          name: 'Deputy',
          role: 'admin',
          password_hash: (
            await app.server.context.db
              .selectFrom('users')
              .select('password_hash')
              .where('email', '=', 'boss@test.local')
              .executeTakeFirstOrThrow()
          ).password_hash,
        })
        .execute();
      const deputy = await sessionOf(await login('deputy@test.local', 'violet-harbor-canoe'));
      const me = (await (await get('/api/auth/me', deputy)).json()) as {
        twoFactorEnrollmentRequired: boolean;
      };
      expect(me.twoFactorEnrollmentRequired).toBe(true);
      const blocked = await get('/api/conversations', deputy);
      expect(blocked.status).toBe(403);
      expect(await blocked.json()).toMatchObject({
        error: { code: 'two_factor_enrollment_required' },
      });
      expect((await get('/api/stream', deputy)).status).toBe(403);

      const setup = await post('/api/auth/two-factor/setup', {}, deputy);
      const deputySecret = ((await setup.json()) as { secret: string }).secret;
      await post('/api/auth/two-factor/confirm', { code: totpCodeAt(deputySecret, clock) }, deputy);
      expect((await get('/api/conversations', deputy)).status).toBe(200);

      // And while required, an admin cannot turn it off.
      const off = await post(
        '/api/auth/two-factor/disable',
        { password: 'violet-harbor-canoe' },
        deputy,
      );
      expect(off.status).toBe(403);
    });
  });
});
