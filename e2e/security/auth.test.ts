/**
 * Security regression suite, sign-in (issue 7, items 3, 4, 7 (emails), 11, 12 and two-factor
 * sign-in), replayed against real server processes on one PostgreSQL database: instance A
 * trusts X-Forwarded-For (so this suite can speak from many addresses), instance B does not.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkspace } from '../../packages/server/src/commands/workspaces.js';
import { totpCodeAt } from '../../packages/server/src/lib/totp.js';
import { openStore, type Store } from '../../packages/server/src/store/store.js';
import { createTestDatabase } from '../../packages/server/src/test-support/db.js';
import { type ParleyProcess, startParley } from '../support/parley-process.js';

const OWNER = { email: 'owner@tenant-a.example', password: 'violet-harbor-canoe' };

interface Session {
  cookie: string;
  csrfToken: string;
}

let addresses = 0;
/** A fresh client address for instance A, which trusts X-Forwarded-For. */
const nextAddress = () => {
  addresses += 1;
  return `198.51.${addresses >> 8}.${addresses & 255}`;
};

function call(
  base: string,
  path: string,
  options: {
    body?: unknown;
    session?: Session;
    csrf?: boolean;
    from?: string;
    method?: string;
  } = {},
) {
  const { body, session, csrf = true, from } = options;
  return fetch(`${base}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session ? { cookie: session.cookie } : {}),
      ...(session && csrf ? { 'x-csrf-token': session.csrfToken } : {}),
      ...(from ? { 'x-forwarded-for': from } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function sessionOf(response: Response): Promise<Session> {
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  expect(csrfToken).toBeTruthy();
  return { cookie, csrfToken };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

describe('security: sign-in', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let store: Store;
  let a: ParleyProcess;
  let b: ParleyProcess;
  let owner: Session;

  const login = (base: string, email: string, password: string, extra = {}) =>
    call(base, '/api/auth/login', {
      body: { email, password, ...extra },
      from: base === a.url ? nextAddress() : undefined,
    });
  const addTeammate = (email: string, password: string, name = 'Teammate') =>
    call(a.url, '/api/users', { body: { email, name, password }, session: owner });

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.databaseUrl,
      PARLEY_SECRET_KEY: 'e2e-security-auth',
      PARLEY_DEMO: 'false',
      PARLEY_ADMIN_EMAIL: OWNER.email,
      PARLEY_ADMIN_PASSWORD: OWNER.password,
    };
    a = await startParley({ ...env, TRUST_PROXY: 'true' });
    b = await startParley(env);
    store = await openStore({ databaseUrl: database.databaseUrl, poolSize: 2 });
    owner = await sessionOf(await login(a.url, OWNER.email, OWNER.password));
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await store?.close();
    await database?.drop();
  });

  it('item 3: a known and an unknown email take the same time to refuse', async () => {
    const known = ['t1', 't2', 't3', 't4', 't5'].map((name) => `${name}@tenant-a.example`);
    for (const email of known) {
      expect((await addTeammate(email, 'amber-fjord-lantern')).status).toBe(201);
    }
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await login(a.url, email, 'wrong-password-123');
      const elapsed = performance.now() - started;
      expect(response.status).toBe(401);
      return { elapsed, body: await response.text() };
    };
    // Warm-up: the first refusal of an unknown email prepares the dummy hash.
    await timed(`warm-${randomUUID()}@nowhere.example`);
    await timed(known[0] ?? '');

    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let attempt = 0; attempt < 15; attempt += 1) {
      // Three failures per known account stay under the per-account lock.
      const knownResult = await timed(known[attempt % known.length] ?? '');
      const unknownResult = await timed(`nobody-${randomUUID()}@nowhere.example`);
      expect(knownResult.body).toBe(unknownResult.body);
      knownTimes.push(knownResult.elapsed);
      unknownTimes.push(unknownResult.elapsed);
    }
    const ratio = median(knownTimes) / median(unknownTimes);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('item 4: five failures lock that account on every instance, with Retry-After; others still sign in', async () => {
    const email = 'locked@tenant-a.example';
    expect((await addTeammate(email, 'quiet-maple-rocket')).status).toBe(201);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login(a.url, email, 'wrong-password-123')).status).toBe(401);
    }
    for (const instance of [a.url, b.url]) {
      // Even the right password waits: the lock is the account's, kept in the database.
      const locked = await login(instance, email, 'quiet-maple-rocket');
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await locked.json()).toMatchObject({
        error: { code: 'too_many_attempts', message: expect.stringMatching(/Try again in/) },
      });
    }
    // The attacker locked one account, not everyone.
    expect((await login(a.url, OWNER.email, OWNER.password)).status).toBe(200);
  });

  it('item 4: behind an untrusted proxy the server warns once; the per-IP limit stays', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await call(b.url, '/api/health', { from: '203.0.113.9' });
    }
    // The log line reaches the process's stdout a moment after the answer.
    const warnings = () => b.output().split('TRUST_PROXY is off').length - 1;
    await vi.waitFor(() => expect(warnings()).toBeGreaterThan(0), { timeout: 5000 });
    expect(warnings()).toBe(1);
    expect(a.output()).not.toContain('TRUST_PROXY is off');

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt += 1) {
      statuses.push((await login(b.url, `ip-${attempt}@nowhere.example`, 'x')).status);
    }
    // Twenty a minute per address (one was spent above on this instance).
    expect(statuses[0]).toBe(401);
    expect(statuses.at(-1)).toBe(429);
  });

  it('item 7: an email used in another workspace can join this one, without being revealed', async () => {
    const other = { email: 'boss@tenant-b.example', password: 'mellow-cactus-95' };
    const { workspace: tenantB } = await createWorkspace(store.db, {
      name: 'Tenant B',
      admin: { ...other, name: 'Bea Boss' },
    });
    const joined = await addTeammate(other.email, 'amber-fjord-lantern', 'Bea');
    expect(joined.status).toBe(201);
    const again = await addTeammate('BOSS@tenant-b.example', 'amber-fjord-lantern', 'Bea');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('this workspace');

    // Different passwords: each leads to its own workspace.
    const intoB = await sessionOf(await login(a.url, other.email, other.password));
    const me = (await (await call(a.url, '/api/auth/me', { session: intoB })).json()) as {
      workspace: { id: string };
    };
    expect(me.workspace.id).toBe(tenantB.id);

    // The same password in both: the person chooses, then signs in to the one chosen.
    const twin = 'twin@tenant-b.example';
    await createWorkspace(store.db, {
      name: 'Tenant C',
      admin: { email: twin, name: 'Tia', password: 'amber-fjord-lantern' },
    });
    expect((await addTeammate(twin, 'amber-fjord-lantern', 'Tia')).status).toBe(201);
    const choice = (await (await login(a.url, twin, 'amber-fjord-lantern')).json()) as {
      workspaceChoiceRequired: boolean;
      workspaces: { id: string; name: string }[];
    };
    expect(choice.workspaceChoiceRequired).toBe(true);
    expect(choice.workspaces.map((workspace) => workspace.name).sort()).toEqual([
      'My workspace',
      'Tenant C',
    ]);
    const chosen = choice.workspaces.find((workspace) => workspace.name === 'Tenant C');
    await sessionOf(await login(a.url, twin, 'amber-fjord-lantern', { workspaceId: chosen?.id }));
  });

  it('item 11: logout needs the CSRF token', async () => {
    const session = await sessionOf(await login(a.url, OWNER.email, OWNER.password));
    expect((await call(a.url, '/api/auth/logout', { body: {}, session, csrf: false })).status).toBe(
      403,
    );
    expect((await call(a.url, '/api/auth/me', { session })).status).toBe(200);
    expect((await call(a.url, '/api/auth/logout', { body: {}, session })).status).toBe(204);
    expect((await call(a.url, '/api/auth/me', { session })).status).toBe(401);
  });

  it('item 12: weak passwords are refused with the reason, wherever they are set', async () => {
    for (const [password, reason] of [
      ['a', /at least 10 characters/],
      ['password1234', /too easy to guess/],
      ['my-parley-login-77', /must not contain/],
    ] as const) {
      const response = await addTeammate(`weak-${randomUUID()}@tenant-a.example`, password);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: 'weak_password', message: expect.stringMatching(reason) },
      });
    }
    const change = await call(a.url, '/api/auth/password', {
      body: { currentPassword: OWNER.password, newPassword: 'qwertyuiop12' },
      session: owner,
    });
    expect(change.status).toBe(400);
    expect(await change.json()).toMatchObject({ error: { code: 'weak_password' } });

    const empty = await createTestDatabase();
    try {
      await expect(
        startParley({
          DATABASE_URL: empty.databaseUrl,
          PARLEY_SECRET_KEY: 'e2e-weak-admin',
          PARLEY_DEMO: 'false',
          PARLEY_ADMIN_PASSWORD: 'a',
        }),
      ).rejects.toThrow(/PARLEY_ADMIN_PASSWORD cannot be used: The password needs at least 10/);
    } finally {
      await empty.drop();
    }
  });

  it('two-factor: enrolled, a password alone gives no session; the code or a recovery code does', async () => {
    const email = 'totp@tenant-a.example';
    const password = 'quiet-maple-rocket';
    expect((await addTeammate(email, password)).status).toBe(201);
    const session = await sessionOf(await login(a.url, email, password));
    const setup = (await (
      await call(a.url, '/api/auth/two-factor/setup', { body: {}, session })
    ).json()) as { secret: string };
    const confirmed = await call(a.url, '/api/auth/two-factor/confirm', {
      body: { code: totpCodeAt(setup.secret, new Date()) },
      session,
    });
    const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);

    const passwordStep = async () => {
      const response = await login(a.url, email, password);
      expect(response.headers.get('set-cookie')).toBeNull();
      const body = (await response.json()) as { twoFactorRequired: boolean; challenge: string };
      expect(body.twoFactorRequired).toBe(true);
      return body.challenge;
    };
    const codeStep = (challenge: string, code: string) =>
      call(a.url, '/api/auth/login/totp', { body: { challenge, code }, from: nextAddress() });

    const challenge = await passwordStep();
    expect((await codeStep(challenge, '000000')).status).toBe(401);
    // The next time step's code (within the drift window), since the confirming one is spent.
    const next = totpCodeAt(setup.secret, new Date(Date.now() + 30_000));
    const signedIn = await sessionOf(await codeStep(challenge, next));
    expect((await call(a.url, '/api/conversations', { session: signedIn })).status).toBe(200);

    const recovery = recoveryCodes[0] ?? '';
    await sessionOf(await codeStep(await passwordStep(), recovery));
    expect((await codeStep(await passwordStep(), recovery)).status).toBe(401);
  });
});
