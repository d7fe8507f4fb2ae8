/** `npm start`: reads the environment, opens the database, seeds a demo, serves Parley. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAiCompatibleProvider } from './ai/openai-compatible-provider.js';
import { createServer } from './app.js';
import { createWorkspace } from './commands/workspaces.js';
import { DEMO_LOGIN, seedDemo } from './demo/seed.js';
import { randomToken } from './lib/ids.js';
import { passwordProblem } from './lib/password-policy.js';
import { loadOrCreateKeyFile, SecretBox } from './lib/secrets.js';
import { openStore } from './store/store.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';
const dataDir = env.DATA_DIR ?? 'data';
const packagesDir = fileURLToPath(new URL('../../', import.meta.url));

const store = await openStore({
  ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: join(dataDir, 'pglite') }),
});
const secretKey = env.PARLEY_SECRET_KEY ?? loadOrCreateKeyFile(join(dataDir, 'secret.key'));
const publicUrl = env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;

// Any OpenAI-compatible endpoint when configured; otherwise the built-in offline assistant.
const provider = env.PARLEY_MODEL_BASE_URL
  ? new OpenAiCompatibleProvider({
      baseUrl: env.PARLEY_MODEL_BASE_URL,
      model: env.PARLEY_MODEL ?? 'gpt-4o-mini',
      ...(env.PARLEY_MODEL_API_KEY ? { apiKey: env.PARLEY_MODEL_API_KEY } : {}),
      // Knowledge retrieval fuses similarity in when the endpoint embeds; `off` keeps it to
      // full-text search (for endpoints without an embeddings model).
      ...(env.PARLEY_EMBEDDING_MODEL === 'off'
        ? {}
        : { embeddingModel: env.PARLEY_EMBEDDING_MODEL || 'text-embedding-3-small' }),
    })
  : undefined;

const server = await createServer({
  store,
  ...(provider ? { provider } : {}),
  secretBox: new SecretBox(secretKey),
  paths: { webDist: join(packagesDir, 'web/dist'), widgetDist: join(packagesDir, 'widget/dist') },
  publicOrigin: new URL(publicUrl).origin,
  secureCookies: publicUrl.startsWith('https://'),
  runJobs: env.PARLEY_RUN_JOBS !== 'false',
  allowCustomPlatformUrls: env.PARLEY_ALLOW_CUSTOM_PLATFORM_URLS === 'true',
  allowPrivateKnowledgeUrls: env.PARLEY_ALLOW_PRIVATE_KNOWLEDGE_URLS === 'true',
  ...(env.TRUST_PROXY ? { trustProxy: parseTrustProxy(env.TRUST_PROXY) } : {}),
});

const empty = !(await store.db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst());
// The demo (with its well-known login) is for trying Parley out: on by default only with the
// embedded database; a PostgreSQL deployment starts with its own admin instead.
const demo = env.PARLEY_DEMO ? env.PARLEY_DEMO === 'true' : store.backend === 'pglite';
const seeded = empty && demo ? await seedDemo(server.context) : null;
const firstAdmin = empty && !demo ? await createFirstAdmin() : null;

await server.app.listen({ port, host });
const backend = store.backend === 'postgres' ? 'PostgreSQL' : `embedded PGlite (${dataDir}/pglite)`;
console.log(`\n  Parley is running at ${publicUrl}  (database: ${backend})`);
if (seeded) {
  console.log(`  Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  console.log(`  Demo share link: ${publicUrl}/c/${seeded.assistant.share_slug}`);
}
if (firstAdmin) {
  console.log(
    `  First admin: ${firstAdmin.email} / ${firstAdmin.password ?? '(the PARLEY_ADMIN_PASSWORD you set)'}`,
  );
}
console.log('');

/** An empty production database gets one workspace and admin; the password is printed once
 * unless it was given. A given password must pass the password policy, or Parley stops. */
async function createFirstAdmin() {
  const email = env.PARLEY_ADMIN_EMAIL ?? 'admin@parley.local';
  const generated = env.PARLEY_ADMIN_PASSWORD ? null : randomToken(12);
  const password = env.PARLEY_ADMIN_PASSWORD ?? generated ?? '';
  const problem = passwordProblem(password, { email, name: 'Admin' });
  if (problem) {
    console.error(`\n  PARLEY_ADMIN_PASSWORD cannot be used: ${problem}\n`);
    await server.close();
    await store.close();
    process.exit(1);
  }
  await createWorkspace(store.db, {
    name: env.PARLEY_WORKSPACE_NAME ?? 'My workspace',
    admin: { email, name: 'Admin', password },
  });
  return { email, password: generated };
}

/** `TRUST_PROXY=true`, or a comma-separated list of the reverse proxies' addresses / CIDRs. */
function parseTrustProxy(value: string): boolean | string {
  return value === 'true' ? true : value;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server
      .close()
      .then(() => store.close())
      .finally(() => process.exit(0));
  });
}
