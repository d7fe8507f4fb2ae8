/** Starts Parley the way `npm start` does (the built server, a real process) for tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../packages/server/dist/main.js', import.meta.url));

export interface ParleyProcess {
  url: string;
  output: () => string;
  /** SIGTERM by default; SIGKILL simulates a crash (no shutdown code runs). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startParley(
  env: Record<string, string>,
  port?: number,
): Promise<ParleyProcess> {
  port ??= await freePort();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    // Generous: a first start migrates and seeds the demo, slow on a busy CI machine.
    const timer = setTimeout(() => reject(new Error(`Parley did not start:\n${output}`)), 120_000);
    const check = () => {
      if (output.includes('Parley is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Parley exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** Logs in with the demo account a fresh `npm start` prints. */
export async function demoLogin(url: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@parley.local', password: 'parley-demo' }),
  });
  if (!response.ok) throw new Error(`demo login failed: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** The public key of the demo workspace's first assistant (what its widget embeds). */
export async function demoPublicKey(url: string): Promise<string> {
  const { cookie } = await demoLogin(url);
  const response = await fetch(`${url}/api/assistants`, { headers: { cookie } });
  const { items } = (await response.json()) as { items: { publicKey: string }[] };
  return items[0]?.publicKey ?? '';
}
