import { describe, expect, it } from 'vitest';
import { CurrentBoards, type CurrentBoard } from './current-boards.store.js';
import type { LeaderboardsStore } from './leaderboards.store.js';

// Boards with their current period as reads start from them: read from PostgreSQL at most once a
// second per board, all of a request's misses in one statement; forgotten at once by the replica
// that changed the board; a board not found is asked again next time.

function fakeStore(boards: Map<string, string>) {
  const statements: string[][] = [];
  const store = {
    findWithCurrentPeriods: async (ids: readonly string[]) => {
      statements.push([...ids]);
      return ids.map((id) => (boards.has(id) ? ({ board: { id, title: boards.get(id)! }, period: undefined } as unknown as CurrentBoard) : undefined));
    },
  } as unknown as LeaderboardsStore;
  return { store, statements };
}

describe('CurrentBoards', () => {
  it('reads a board once a second, misses together, and again at once when forgotten', async () => {
    let now = Date.parse('2026-03-01T12:00:00Z');
    const titles = new Map([
      ['a', 'A'],
      ['b', 'B'],
    ]);
    const { store, statements } = fakeStore(titles);
    const boards = new CurrentBoards(store, () => now);
    const title = async (...ids: string[]) => (await boards.find(ids)).map((f) => f?.board.title ?? null);

    expect(await title('a', 'b')).toEqual(['A', 'B']);
    titles.set('a', 'A2');
    now += 999; // within the second: reused
    expect(await title('a', 'b')).toEqual(['A', 'B']);
    expect(statements).toEqual([['a', 'b']]);
    now += 2; // past it: read again
    expect(await title('b')).toEqual(['B']);
    titles.set('b', 'B2');
    boards.forget('b'); // this replica changed it
    expect(await title('a', 'b')).toEqual(['A2', 'B2']);
    expect(statements).toEqual([['a', 'b'], ['b'], ['a', 'b']]);
  });

  it('does not keep a board it did not find', async () => {
    const titles = new Map<string, string>();
    const { store, statements } = fakeStore(titles);
    const boards = new CurrentBoards(store, () => 0);
    expect(await boards.find(['new'])).toEqual([undefined]);
    await Promise.resolve();
    titles.set('new', 'Defined on another replica');
    expect((await boards.find(['new']))[0]?.board.title).toBe('Defined on another replica');
    expect(statements).toEqual([['new'], ['new']]);
  });
});
