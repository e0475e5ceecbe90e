import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gql, registerPlayer, testEnv } from './support/platform.js';

// `npm start` exactly as a user runs it, twice on the same data folder.
const children: ChildProcess[] = [];
let dataDir: string;

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function npmStart(): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn('npm', ['start'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, ...testEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not become ready:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API[^:]*: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return { url, child, output: () => output };
}

/** Stops it as Ctrl-C in a terminal does (SIGINT to the foreground process group). */
async function stop({ child, output }: { child: ChildProcess; output: () => string }) {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid!, 'SIGINT');
  await exited;
  // npm re-raises the signal on itself, so its exit status says nothing; the platform's own output does.
  // Its JSON log lines are left out: on a shared Redis (CI's real-services pass) the platform's
  // consumers also hear other test files' events, and may log about them while shutting down.
  return output()
    .split('\n')
    .filter((line) => !line.startsWith('{'))
    .join('\n');
}

describe('npm start', () => {
  it('starts the whole platform, prints its URLs, shuts down cleanly, and keeps data across restarts', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'gp-start-'));
    const first = await npmStart();
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const player = await registerPlayer(first.url);
    expect(await stop(first)).toMatch(/SIGINT: shutting down\nstopped\n/);

    const second = await npmStart();
    const login = await gql<{ login: { user: { id: string } } }>(
      second.url,
      `mutation { login(input: { usernameOrEmail: "${player.username}", password: "password123" }) { user { id } } }`,
    );
    expect(login.data?.login.user.id).toBe(player.id);
    expect(await stop(second)).toMatch(/SIGINT: shutting down\nstopped\n/);
  }, 120_000);
});

/**
 * Runs package.json's `start` script the way npm does (npm adds its own error report after a
 * failure, so the test runs the script itself) until it exits; the time of each of its log lines
 * that says how far start-up got ("runtime opened", "<service> ready").
 */
async function startScriptUntilExit(env: Record<string, string | undefined>) {
  const root = path.resolve(import.meta.dirname, '..');
  const { scripts } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const child = spawn(scripts.start, {
    cwd: root,
    shell: true,
    env: { ...process.env, ...testEnv({ LOG_LEVEL: 'info', ...env }) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  let progressAt = Date.now();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (/"msg":"(runtime opened|\w+ ready)"/.test(chunk.toString())) progressAt = Date.now();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  return { code, stdout, stderr, secondsAfterProgress: (Date.now() - progressAt) / 1000 };
}

async function takePort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

describe('npm start that cannot start', () => {
  // Users starts first (its workers used to keep the process spinning), social in the middle,
  // the gateway last (everything else already running has to be closed).
  it.each(['users', 'social', 'gateway'])(
    'exits at once with code 1 and one line when the %s port is taken',
    async (service) => {
      const setting = `${service.toUpperCase()}_PORT`;
      const taken = await takePort();
      try {
        const run = await startScriptUntilExit({ [setting]: String(taken.port) });
        expect(run.code).toBe(1);
        expect(run.stderr).toBe(`${service}: port ${taken.port} is already in use (${setting})\n`);
        expect(run.stdout).not.toContain('Game platform ready');
        expect(run.secondsAfterProgress).toBeLessThan(5);
      } finally {
        taken.server.close();
      }
    },
    120_000,
  );

  it('exits with code 1 and one line naming REDIS_URL when Redis cannot be reached, before any service starts', async () => {
    const closed = await takePort();
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const run = await startScriptUntilExit({ REDIS_URL: `redis://127.0.0.1:${closed.port}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `REDIS_URL: cannot reach Redis at 127.0.0.1:${closed.port} (connect ECONNREFUSED 127.0.0.1:${closed.port}). Start it, or leave REDIS_URL unset to run the all-in-one platform with its in-process Redis.\n`,
    );
    expect(run.stdout).not.toMatch(/\w+ ready/);
  }, 60_000);

  it('lists every invalid setting, of every service, before starting anything', async () => {
    const run = await startScriptUntilExit({
      NODE_ENV: 'production',
      LOG_LEVEL: 'loud',
      GATEWAY_PORT: 'four thousand',
      USERS_PORT: '-1',
      SOCIAL_PORT: 'social',
      ACHIEVEMENTS_CACHE_TTL_SECONDS: '0',
      WS_KEEP_ALIVE_MS: 'often',
    });
    expect(run.code).toBe(1);
    const problems = run.stderr.trim().split('\n');
    expect(problems[0]).toBe('Invalid configuration:');
    expect(problems.slice(1).map((line) => line.trim().split(':')[0]).sort()).toEqual(
      ['ACHIEVEMENTS_CACHE_TTL_SECONDS', 'GATEWAY_PORT', 'INTERNAL_SECRET', 'JWT_SECRET', 'LOG_LEVEL', 'SOCIAL_PORT', 'USERS_PORT', 'WS_KEEP_ALIVE_MS'],
    );
    expect(run.stdout).toBe(''); // nothing opened, nothing logged
  }, 60_000);
});
