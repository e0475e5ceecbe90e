import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
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
    env: { ...process.env, ...testEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }) } as NodeJS.ProcessEnv,
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
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
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
  return output();
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
