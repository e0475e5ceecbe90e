import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../../../platform/errors.js';
import { KnownPlayers } from './known-players.js';
import type { UsersPort } from './users.client.js';

// Which ids are players, as the users subgraph says: one confirmed is never asked about again,
// ids not yet confirmed are asked together (one users call per batch), an id users does not know
// is refused and asked again next time, and a users subgraph that cannot answer fails the check
// without anything being remembered.

const [ana, ben, cleo, ghost] = ['a0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-00000000dead'];

/** The users subgraph's side: the players it has, each call's ids, and whether it answers. */
function fakeUsers(players: string[]) {
  const calls: string[][] = [];
  const state = { down: null as Error | null };
  const users: UsersPort = {
    levels: async (ids) => {
      calls.push([...ids].sort());
      if (state.down) throw state.down;
      return new Map(ids.filter((id) => players.includes(id)).map((id) => [id, 1]));
    },
    applyCoins: async () => undefined,
  };
  return { users, calls, state, players };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: { code?: string; details?: Record<string, unknown> }) => ({ code: error.code, ...error.details }));

describe('KnownPlayers', () => {
  it.each([
    // [case, players the users subgraph has, ids checked at once, each answer, ids each users call asked]
    ['players not yet known: one call for the batch', [ana, ben], [ana, ben], [true, true], [[ana, ben]]],
    ['the same id twice at once: asked once', [ana], [ana, ana], [true, true], [[ana]]],
    ['an id of no player: refused, in the same call', [ana], [ana, ghost], [true, false], [[ana, ghost]]],
    ['nobody', [], [ghost], [false], [[ghost]]],
  ] as const)('%s', async (_case, players, ids, answers, calls) => {
    const fake = fakeUsers([...players]);
    const known = new KnownPlayers(fake.users);
    expect(await Promise.all(ids.map((id) => known.isPlayer(id)))).toEqual(answers);
    expect(fake.calls).toEqual(calls.map((c) => [...c].sort()));
  });

  it('asks the users subgraph about a player once: known players cost no call', async () => {
    const fake = fakeUsers([ana, ben]);
    const known = new KnownPlayers(fake.users);
    await Promise.all([known.isPlayer(ana), known.isPlayer(ben)]);
    expect(await Promise.all(Array.from({ length: 1_000 }, (_, i) => known.isPlayer(i % 2 ? ana : ben)))).toEqual(Array(1_000).fill(true));
    expect(fake.calls).toHaveLength(1);
  });

  it('asks again about an id of no player (it may register next)', async () => {
    const fake = fakeUsers([]);
    const known = new KnownPlayers(fake.users);
    expect(await known.isPlayer(cleo)).toBe(false);
    fake.players.push(cleo); // cleo registers
    expect(await known.isPlayer(cleo)).toBe(true);
    expect(await known.isPlayer(cleo)).toBe(true);
    expect(fake.calls).toEqual([[cleo], [cleo]]);
  });

  it('checks arriving within the batch window share a call; later ones make the next', async () => {
    const fake = fakeUsers([ana, ben, cleo]);
    const known = new KnownPlayers(fake.users, { batchWindowMs: 20 });
    const first = known.isPlayer(ana);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = known.isPlayer(ben);
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(await known.isPlayer(cleo)).toBe(true);
    expect(fake.calls).toEqual([[ana, ben], [cleo]]);
  });

  it('splits a batch past maxBatchSize into several calls', async () => {
    const fake = fakeUsers([ana, ben, cleo]);
    const known = new KnownPlayers(fake.users, { maxBatchSize: 2 });
    expect(await Promise.all([ana, ben, cleo].map((id) => known.isPlayer(id)))).toEqual([true, true, true]);
    expect(fake.calls).toEqual([[ana, ben], [cleo]]);
  });

  it('keeps the most recently used players within max', async () => {
    const fake = fakeUsers([ana, ben, cleo]);
    const known = new KnownPlayers(fake.users, { max: 2 });
    await known.isPlayer(ana);
    await known.isPlayer(ben);
    await known.isPlayer(ana); // ana used again: ben is now the least recent
    await known.isPlayer(cleo); // pushes ben out
    fake.calls.length = 0;
    await Promise.all([known.isPlayer(ana), known.isPlayer(cleo), known.isPlayer(ben)]);
    expect(fake.calls).toEqual([[ben]]);
  });

  it('assertPlayer: BAD_USER_INPUT at the field for an id of no player, nothing for a player', async () => {
    const known = new KnownPlayers(fakeUsers([ana]).users);
    await expect(known.assertPlayer(ana, 'input.userId')).resolves.toBeUndefined();
    expect(await refusal(known.assertPlayer(ghost, 'input.userId'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.userId' });
  });

  it.each([
    ['unreachable (the HTTP client says SERVICE_UNAVAILABLE)', new ServiceUnavailableError('users')],
    ['failing otherwise (still not the caller’s fault)', new Error('socket hang up')],
  ])('users %s: every check of the batch fails SERVICE_UNAVAILABLE and nothing is remembered', async (_case, failure) => {
    const fake = fakeUsers([ana, ben]);
    const known = new KnownPlayers(fake.users);
    fake.state.down = failure;
    const failed = await Promise.all([refusal(known.assertPlayer(ana, 'input.userId')), refusal(known.isPlayer(ben))]);
    expect(failed).toEqual([
      { code: 'SERVICE_UNAVAILABLE', serviceName: 'users' },
      { code: 'SERVICE_UNAVAILABLE', serviceName: 'users' },
    ]);
    expect(fake.calls).toEqual([[ana, ben]]);
    fake.state.down = null; // back: asked again, as nothing was remembered
    expect(await Promise.all([known.isPlayer(ana), known.isPlayer(ben)])).toEqual([true, true]);
    expect(fake.calls).toEqual([[ana, ben], [ana, ben]]);
  });
});
