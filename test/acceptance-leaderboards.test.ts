import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';
import { acceptanceCalls, HUGE, type Player } from './support/acceptance.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { liveChannel } from '../platform/live.js';
import { activeSubscriptions, subscribe, untilListening, type Subscription } from './support/ws.js';

// Leaderboards as a studio reads schema/tournaments/leaderboards.graphql and nothing else: who may
// define, submit, read and listen; each documented refusal's code and field; the operators, the
// order and its tie rule (score, subscore, then who got there first); top pages, around and rank in
// each scope; retries by submissionId; scheduled resets with archived periods; and what the two
// subscriptions deliver.

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({ SOCIAL_GUILD_CREATION_FEE: '0' }, (started) => {
  platform = started;
  url = started.gateway.url;
});

const { must, refusal, expectRefusals } = acceptanceCalls(() => url);

let admin: string | undefined;
let reporter: string | undefined;
let eventsOnly: string | undefined;
const adminToken = async () => (admin ??= await signInAsAdmin(platform, url));
/** The game server: a service token with REPORT_MATCH_RESULTS, as submitScore documents. */
const gameServer = async () => (reporter ??= await gameServerToken(platform, url, ['REPORT_MATCH_RESULTS']));
const otherService = async () => (eventsOnly ??= await gameServerToken(platform, url, ['REPORT_GAME_EVENTS']));
const players = (n: number) => Promise.all(Array.from({ length: n }, () => registerPlayer(url)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const BOARD = 'id title sortOrder operator resetSchedule nextResetAt follows metadata';
const DEFINE = `mutation($input: DefineLeaderboardInput!) { defineLeaderboard(input: $input) { leaderboard { ${BOARD} } } }`;
const RECORD = 'rank score subscore metadata submissions updatedAt cursor player { id username }';
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { record { ${RECORD} } leaderboard { id } } }`;
const TOP = `query($id: ID!, $first: Int, $after: String, $scope: LeaderboardScope) { leaderboard(id: $id) { top(first: $first, after: $after, scope: $scope) { edges { cursor node { rank score subscore cursor player { id username } } } pageInfo { hasNextPage endCursor } } } }`;
const AROUND = `query($id: ID!, $u: ID!, $n: Int, $scope: LeaderboardScope) { leaderboard(id: $id) { around(userId: $u, n: $n, scope: $scope) { rank score player { id } } } }`;
const RANK = `query($id: ID!, $u: ID!, $scope: LeaderboardScope) { leaderboard(id: $id) { rank(userId: $u, scope: $scope) { ${RECORD} } } }`;
const PERIOD = `query($id: ID!, $previous: Int, $u: ID!) { leaderboard(id: $id) { nextResetAt period(previous: $previous) {
  number startedAt endsAt archivedAt recordCount top(first: 10) { edges { node { rank score player { id } } } } rank(userId: $u) { rank score } around(userId: $u, n: 1) { rank } } } }`;
const UPDATED = `subscription($id: ID!, $first: Int) { leaderboardUpdated(id: $id, first: $first) { reset leaderboard { id } period { number archivedAt } top { rank score player { id } } } }`;
const RANK_CHANGED = `subscription($id: ID!) { rankChanged(leaderboardId: $id) { rank previousRank passedBy { id username } leaderboard { id } } }`;

type Board = { id: string; title: string; sortOrder: string; operator: string; resetSchedule: string | null; nextResetAt: string | null; follows: string[]; metadata: string };
type Rec = { rank: number; score: number; subscore: number; metadata: string; submissions: number; updatedAt: string; cursor: string; player: { id: string; username: string } };
type Top = { edges: { cursor: string; node: { rank: number; score: number; subscore: number; cursor: string; player: { id: string; username: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
type Update = { reset: boolean; leaderboard: { id: string }; period: { number: number; archivedAt: string | null }; top: { rank: number; score: number; player: { id: string } }[] };

const boardId = () => `acc-lb-${randomUUID().slice(0, 8)}`;
async function define(input: Record<string, unknown> = {}): Promise<Board> {
  return (await must<{ defineLeaderboard: { leaderboard: Board } }>(await adminToken(), DEFINE, { input: { id: boardId(), title: 'Weekly kills', ...input } })).defineLeaderboard.leaderboard;
}
async function submit(leaderboardId: string, userId: string, score: number, extra: Record<string, unknown> = {}): Promise<Rec> {
  return (await must<{ submitScore: { record: Rec } }>(await gameServer(), SUBMIT, { input: { leaderboardId, userId, score, submissionId: randomUUID(), ...extra } })).submitScore.record;
}
const topOf = async (id: string, variables: Record<string, unknown> = {}, viewer?: Player) => (await must<{ leaderboard: { top: Top } }>(viewer, TOP, { id, ...variables })).leaderboard.top;
const order = async (id: string, variables: Record<string, unknown> = {}, viewer?: Player) => (await topOf(id, variables, viewer)).edges.map((e) => e.node.player.id);
const rankOf = async (id: string, u: string, scope?: string, viewer?: Player) => (await must<{ leaderboard: { rank: Rec | null } }>(viewer, RANK, { id, u, scope })).leaderboard.rank;
const aroundOf = async (id: string, u: string, n?: number, scope?: string, viewer?: Player) =>
  (await must<{ leaderboard: { around: { rank: number; score: number; player: { id: string } }[] } }>(viewer, AROUND, { id, u, n, scope })).leaderboard.around.map((r) => [r.rank, r.player.id]);

/** A subscription's first error's extensions (an error result or the stream's error). */
async function firstError(sub: Subscription) {
  await expect.poll(() => sub.error !== undefined || sub.results.length > 0 || sub.completed, { timeout: 10_000 }).toBe(true);
  const error = sub.results[0]?.errors?.[0] ?? (Array.isArray(sub.error) ? (sub.error[0] as { extensions?: Record<string, unknown> }) : undefined);
  sub.stop();
  return error?.extensions;
}
const boardChannel = (id: string) => liveChannel('tournaments', 'leaderboardChanged', id);
const rankChannel = (id: string, player: Player) => liveChannel('tournaments', 'rankChanged', `${id} ${player.id}`);
/**
 * Waits until the subgraph listens on the subscription's channel: a board's submissions are heard
 * from then on. Polled, not slept: on a loaded machine the upstream subscription can take longer
 * than any fixed pause.
 */
async function live(sub: Subscription, channel: string) {
  await untilListening(platform.runtime.redis, channel);
  expect(sub.error).toBeUndefined();
}

describe('acceptance: leaderboards — who may do what', () => {
  it('defineLeaderboard is ADMIN only; submitScore is the game server with REPORT_MATCH_RESULTS only; reads are public', async () => {
    const [ana] = await players(1);
    const id = boardId();
    await expectRefusals(DEFINE, [
      ['signed out', undefined, { input: { id, title: 'x' } }, { code: 'UNAUTHENTICATED' }],
      ['a player', ana!, { input: { id, title: 'x' } }, { code: 'FORBIDDEN' }],
      ['the game server', await gameServer(), { input: { id, title: 'x' } }, { code: 'FORBIDDEN' }],
    ]);
    for (const unknown of [id, '', HUGE]) expect(await must(undefined, `query($id: ID!) { leaderboard(id: $id) { id } }`, { id: unknown })).toEqual({ leaderboard: null });
    const board = await define({ id });
    const input = { leaderboardId: board.id, userId: ana!.id, score: 10, submissionId: randomUUID() };
    await expectRefusals(SUBMIT, [
      ['signed out', undefined, { input }, { code: 'UNAUTHENTICATED' }],
      ['the player themself', ana!, { input }, { code: 'FORBIDDEN' }],
      ['an ADMIN player', await adminToken(), { input }, { code: 'FORBIDDEN' }],
      ['a service token without REPORT_MATCH_RESULTS', await otherService(), { input }, { code: 'FORBIDDEN' }],
    ]);
    expect(await rankOf(board.id, ana!.id)).toBeNull();
    // The refused submissionId is still free for the game server.
    expect(await submit(board.id, ana!.id, 10, { submissionId: input.submissionId })).toMatchObject({ rank: 1, score: 10, submissions: 1 });
    // Anyone reads: signed out, a player, the game server.
    for (const viewer of [undefined, ana!, await gameServer()]) {
      const read = await must<{ leaderboard: { top: Top } }>(viewer, TOP, { id: board.id });
      expect(read.leaderboard.top.edges.map((e) => e.node.player.id)).toEqual([ana!.id]);
    }
    // FRIENDS and GUILD need a signed-in player: signed out and the game server are UNAUTHENTICATED.
    for (const scope of ['FRIENDS', 'GUILD']) {
      expect(await refusal(undefined, TOP, { id: board.id, scope }), scope).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await refusal(await gameServer(), TOP, { id: board.id, scope }), scope).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await refusal(undefined, AROUND, { id: board.id, u: ana!.id, scope }), scope).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await refusal(undefined, RANK, { id: board.id, u: ana!.id, scope }), scope).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('leaderboardUpdated is public; rankChanged needs a signed-in player (service tokens FORBIDDEN); unknown boards and bad `first` are refused naming the argument', async () => {
    const board = await define();
    const [ana] = await players(1);
    const anonymous = client();
    expect(await firstError(subscribe(anonymous, RANK_CHANGED, { id: board.id }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await firstError(subscribe(client(await gameServer()), RANK_CHANGED, { id: board.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await firstError(subscribe(client(ana!.token), RANK_CHANGED, { id: 'no-such-board' }))).toMatchObject({ code: 'NOT_FOUND', field: 'leaderboardId' });
    expect(await firstError(subscribe(anonymous, UPDATED, { id: 'no-such-board' }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    for (const first of [0, -1, 101]) expect(await firstError(subscribe(anonymous, UPDATED, { id: board.id, first })), String(first)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    for (const first of [1, 100, undefined]) {
      const sub = subscribe(anonymous, UPDATED, { id: board.id, first });
      await live(sub, boardChannel(board.id));
      await sleep(300); // a refusal would have come by now
      expect(sub.results, String(first)).toEqual([]);
      sub.stop();
    }
  });
});

describe('acceptance: defining leaderboards', () => {
  it('refuses each documented bad value naming input.<name>, storing nothing', async () => {
    const adminT = await adminToken();
    const id = boardId();
    const input = (over: Record<string, unknown>) => ({ input: { id, title: 'Kills', ...over } });
    await expectRefusals(DEFINE, [
      ['an empty id', adminT, input({ id: '' }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['an upper-case id', adminT, input({ id: 'Weekly' }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['an id with a dot', adminT, input({ id: 'weekly.kills' }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['an id starting with -', adminT, input({ id: '-weekly' }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['an id starting with _', adminT, input({ id: '_weekly' }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['an id with a non-ASCII letter', adminT, input({ id: 'wöchentlich' }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['a 65-character id', adminT, input({ id: 'a'.repeat(65) }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['a 100 KB id', adminT, input({ id: HUGE }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['an empty title', adminT, input({ title: '' }), { code: 'BAD_USER_INPUT', field: 'input.title' }],
      ['a 101-character title', adminT, input({ title: 't'.repeat(101) }), { code: 'BAD_USER_INPUT', field: 'input.title' }],
      ['a 100 KB title', adminT, input({ title: HUGE }), { code: 'BAD_USER_INPUT', field: 'input.title' }],
      ['an empty schedule (null means none)', adminT, input({ resetSchedule: '' }), { code: 'BAD_USER_INPUT', field: 'input.resetSchedule' }],
      ['a blank schedule', adminT, input({ resetSchedule: '   ' }), { code: 'BAD_USER_INPUT', field: 'input.resetSchedule' }],
      ['a schedule in words', adminT, input({ resetSchedule: 'every monday' }), { code: 'BAD_USER_INPUT', field: 'input.resetSchedule' }],
      ['a cron of 4 fields', adminT, input({ resetSchedule: '0 0 * *' }), { code: 'BAD_USER_INPUT', field: 'input.resetSchedule' }],
      ['a cron of 7 fields', adminT, input({ resetSchedule: '0 0 0 * * 1 2026' }), { code: 'BAD_USER_INPUT', field: 'input.resetSchedule' }],
      ['a cron with minute 61', adminT, input({ resetSchedule: '61 0 * * *' }), { code: 'BAD_USER_INPUT', field: 'input.resetSchedule' }],
      ['a 100 KB schedule', adminT, input({ resetSchedule: HUGE }), { code: 'BAD_USER_INPUT', field: 'input.resetSchedule' }],
      ['metadata that is not JSON', adminT, input({ metadata: '{oops' }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['metadata that is an array', adminT, input({ metadata: '[1]' }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['metadata that is a number', adminT, input({ metadata: '42' }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['2,049 characters of metadata', adminT, input({ metadata: JSON.stringify({ k: 'v'.repeat(2_041) }) }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
    ]);
    expect(await must(undefined, `query($id: ID!) { leaderboard(id: $id) { id } }`, { id })).toEqual({ leaderboard: null });
  });

  it('takes the documented bounds and defaults; the same definition again changes nothing; sort order and operator are fixed (CONFLICT naming them)', async () => {
    const adminT = await adminToken();
    const id = `${'a'.repeat(46)}${randomUUID().slice(0, 8)}_-0123456789`.slice(0, 64);
    expect(id).toHaveLength(64);
    const metadata = JSON.stringify({ k: 'v'.repeat(2_040) });
    expect(metadata).toHaveLength(2_048);
    const board = (await must<{ defineLeaderboard: { leaderboard: Board } }>(adminT, DEFINE, { input: { id, title: 't'.repeat(100), metadata } })).defineLeaderboard.leaderboard;
    expect(board).toEqual({ id, title: 't'.repeat(100), sortOrder: 'DESC', operator: 'BEST', resetSchedule: null, nextResetAt: null, follows: [], metadata });
    // Digits, `-` and `_`; 100 characters of title, emoji included.
    for (const other of [`0-${randomUUID().slice(0, 8)}`, `9_${randomUUID().slice(0, 8)}`, '0'.repeat(56) + randomUUID().slice(0, 8)]) {
      expect((await must<{ defineLeaderboard: { leaderboard: Board } }>(adminT, DEFINE, { input: { id: other, title: '🏆'.repeat(100) } })).defineLeaderboard.leaderboard, other).toMatchObject({ id: other, title: '🏆'.repeat(100) });
    }
    expect(await refusal(adminT, DEFINE, { input: { id: boardId(), title: '🏆'.repeat(101) } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const emojiMeta = JSON.stringify({ k: '🏆'.repeat(2_040) });
    expect((await define({ metadata: emojiMeta })).metadata).toBe(emojiMeta);
    // Defaults: DESC, BEST, no schedule, follows nothing, metadata {}.
    const plain = await define({ title: 'k' });
    expect(plain).toMatchObject({ sortOrder: 'DESC', operator: 'BEST', resetSchedule: null, nextResetAt: null, follows: [], metadata: '{}' });
    // The same definition again: the same leaderboard.
    const again = (await must<{ defineLeaderboard: { leaderboard: Board } }>(adminT, DEFINE, { input: { id, title: 't'.repeat(100), metadata } })).defineLeaderboard.leaderboard;
    expect(again).toEqual(board);
    // Title, metadata and follows change; the rule does not.
    const changed = (await must<{ defineLeaderboard: { leaderboard: Board } }>(adminT, DEFINE, { input: { id, title: 'Renamed', metadata: '{"season":2}', follows: ['ACHIEVEMENT_POINTS'] } })).defineLeaderboard
      .leaderboard;
    expect(changed).toMatchObject({ title: 'Renamed', metadata: '{"season":2}', follows: ['ACHIEVEMENT_POINTS'], sortOrder: 'DESC', operator: 'BEST' });
    expect(await refusal(adminT, DEFINE, { input: { id, title: 'x', sortOrder: 'ASC' } })).toMatchObject({ code: 'CONFLICT', field: 'input.sortOrder' });
    expect(await refusal(adminT, DEFINE, { input: { id, title: 'x', operator: 'SET' } })).toMatchObject({ code: 'CONFLICT', field: 'input.operator' });
    // Omitting them means the defaults, DESC and BEST: no conflict for a DESC/BEST board; one for an ASC/SET board.
    const ascSet = await define({ sortOrder: 'ASC', operator: 'SET' });
    expect(await refusal(adminT, DEFINE, { input: { id: ascSet.id, title: 'x' } })).toMatchObject({ code: 'CONFLICT' });
    // A refused change changed nothing.
    expect(await must(undefined, `query($id: ID!) { leaderboard(id: $id) { ${BOARD} } }`, { id })).toEqual({ leaderboard: changed });
  });

  it('a reset schedule (5 fields, or 6 with seconds) sets nextResetAt to its next time in UTC; a changed one takes effect from now; none means never', async () => {
    const monday = await define({ resetSchedule: '0 0 * * 1' });
    const next = new Date(monday.nextResetAt!);
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes(), next.getUTCSeconds()]).toEqual([1, 0, 0, 0]);
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    const PERIOD_ENDS = `query($id: ID!) { leaderboard(id: $id) { nextResetAt period { number endsAt archivedAt } } }`;
    expect(await must(undefined, PERIOD_ENDS, { id: monday.id })).toEqual({ leaderboard: { nextResetAt: monday.nextResetAt, period: { number: 1, endsAt: monday.nextResetAt, archivedAt: null } } });
    // The same schedule again keeps the period's end.
    const same = (await must<{ defineLeaderboard: { leaderboard: Board } }>(await adminToken(), DEFINE, { input: { id: monday.id, title: 'Weekly kills', resetSchedule: '0 0 * * 1' } })).defineLeaderboard.leaderboard;
    expect(same.nextResetAt).toBe(monday.nextResetAt);
    // Changed: 12:30 UTC every day.
    const daily = (await must<{ defineLeaderboard: { leaderboard: Board } }>(await adminToken(), DEFINE, { input: { id: monday.id, title: 'Daily', resetSchedule: '30 12 * * *' } })).defineLeaderboard.leaderboard;
    const at = new Date(daily.nextResetAt!);
    expect([at.getUTCHours(), at.getUTCMinutes()]).toEqual([12, 30]);
    expect(at.getTime() - Date.now()).toBeGreaterThan(0);
    expect(at.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    // Six fields, seconds first: at second 15 of minute 0 of every hour.
    const seconds = await define({ resetSchedule: '15 0 * * * *' });
    const s = new Date(seconds.nextResetAt!);
    expect([s.getUTCMinutes(), s.getUTCSeconds()]).toEqual([0, 15]);
    expect(s.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    // Removed: it never resets.
    const none = (await must<{ defineLeaderboard: { leaderboard: Board } }>(await adminToken(), DEFINE, { input: { id: monday.id, title: 'Forever' } })).defineLeaderboard.leaderboard;
    expect(none).toMatchObject({ resetSchedule: null, nextResetAt: null });
    expect(await must(undefined, PERIOD_ENDS, { id: monday.id })).toEqual({ leaderboard: { nextResetAt: null, period: { number: 1, endsAt: null, archivedAt: null } } });
  });

  it('leaderboards lists by id after `after`, 0–100 of them (20 by default)', async () => {
    const prefix = `acc-list-${randomUUID().slice(0, 6)}`;
    for (const suffix of ['c', 'a', 'b']) await define({ id: `${prefix}-${suffix}` });
    const LIST = `query($first: Int, $after: ID) { leaderboards(first: $first, after: $after) { id } }`;
    const list = async (variables: Record<string, unknown>) => (await must<{ leaderboards: { id: string }[] }>(undefined, LIST, variables)).leaderboards.map((b) => b.id);
    expect(await list({ first: 3, after: prefix })).toEqual([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]);
    expect(await list({ first: 1, after: `${prefix}-a` })).toEqual([`${prefix}-b`]);
    expect(await list({ first: 0 })).toEqual([]);
    const byDefault = await list({});
    expect(byDefault.length).toBeLessThanOrEqual(20);
    expect(byDefault).toEqual([...byDefault].sort());
    expect((await list({ first: 100 })).length).toBeLessThanOrEqual(100);
    for (const first of [-1, 101]) expect(await refusal(undefined, LIST, { first }), String(first)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('acceptance: submitting scores', () => {
  it('refuses each documented bad value naming input.<name>, storing nothing; the bounds themselves are taken', async () => {
    const board = await define();
    const [ana, ben] = await players(2);
    const server = await gameServer();
    const input = (over: Record<string, unknown>) => ({ input: { leaderboardId: board.id, userId: ana!.id, score: 10, submissionId: randomUUID(), ...over } });
    await expectRefusals(SUBMIT, [
      ['an unknown board', server, input({ leaderboardId: 'no-such-board' }), { code: 'NOT_FOUND', field: 'input.leaderboardId' }],
      ['a malformed player id', server, input({ userId: 'nope' }), { code: 'BAD_USER_INPUT', field: 'input.userId' }],
      ['the id of no player', server, input({ userId: randomUUID() }), { code: 'BAD_USER_INPUT', field: 'input.userId' }],
      ['a 100 KB player id', server, input({ userId: HUGE }), { code: 'BAD_USER_INPUT', field: 'input.userId' }],
      ['a score just above 1e15', server, input({ score: 1e15 + 2 }), { code: 'BAD_USER_INPUT', field: 'input.score' }],
      ['a score just below -1e15', server, input({ score: -1e15 - 2 }), { code: 'BAD_USER_INPUT', field: 'input.score' }],
      ['a score of 1e308', server, input({ score: 1e308 }), { code: 'BAD_USER_INPUT', field: 'input.score' }],
      ['a subscore above 1e15', server, input({ subscore: 2e15 }), { code: 'BAD_USER_INPUT', field: 'input.subscore' }],
      ['a subscore below -1e15', server, input({ subscore: -2e15 }), { code: 'BAD_USER_INPUT', field: 'input.subscore' }],
      ['metadata that is not JSON', server, input({ metadata: 'nope' }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['metadata that is an array', server, input({ metadata: '[]' }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['metadata that is null', server, input({ metadata: 'null' }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['2,049 characters of metadata', server, input({ metadata: JSON.stringify({ k: 'v'.repeat(2_041) }) }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['an empty submissionId', server, input({ submissionId: '' }), { code: 'BAD_USER_INPUT', field: 'input.submissionId' }],
      ['a 129-character submissionId', server, input({ submissionId: 's'.repeat(129) }), { code: 'BAD_USER_INPUT', field: 'input.submissionId' }],
    ]);
    // Not numbers at all: GraphQL's own refusal.
    for (const score of ['NaN', 'Infinity', '12', null]) expect((await refusal(server, SUBMIT, input({ score }))).code, String(score)).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
    expect(await rankOf(board.id, ana!.id)).toBeNull();
    expect(await must(undefined, `query($id: ID!) { leaderboard(id: $id) { period { recordCount } } }`, { id: board.id })).toEqual({ leaderboard: { period: { recordCount: 0 } } });
    // The bounds: ±1e15, a 128-character submissionId, 2,048 characters of metadata; defaults: subscore 0, metadata {}.
    expect(await submit(board.id, ana!.id, 1e15, { submissionId: 's'.repeat(128), subscore: -1e15 })).toMatchObject({ rank: 1, score: 1e15, subscore: -1e15, metadata: '{}', submissions: 1 });
    const meta = JSON.stringify({ k: 'v'.repeat(2_040) });
    expect(await submit(board.id, ben!.id, -1e15, { submissionId: 'x' })).toMatchObject({ rank: 2, score: -1e15, subscore: 0, metadata: '{}' });
    expect(await submit(board.id, ben!.id, 5, { metadata: meta })).toMatchObject({ rank: 2, score: 5, metadata: meta, submissions: 2 });
    // Characters as the platform counts them (code points): emoji count one each.
    const emojiMeta = JSON.stringify({ k: '🏆'.repeat(2_040) });
    expect([...emojiMeta]).toHaveLength(2_048);
    expect(await submit(board.id, ben!.id, 6, { metadata: emojiMeta, submissionId: '🎯'.repeat(128) })).toMatchObject({ score: 6, metadata: emojiMeta, submissions: 3 });
    expect(await refusal(server, SUBMIT, input({ submissionId: '🎯'.repeat(129) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.submissionId' });
    expect(await refusal(server, SUBMIT, input({ metadata: JSON.stringify({ k: '🏆'.repeat(2_041) }) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.metadata' });
  });

  it('a sum that would leave ±1e15 is refused and stores nothing (INCREMENT and DECREMENT, score and subscore)', async () => {
    const [ana] = await players(1);
    const server = await gameServer();
    const inc = await define({ operator: 'INCREMENT' });
    await submit(inc.id, ana!.id, 9e14, { subscore: 9e14 });
    const over = (board: string, over: Record<string, unknown>) => ({ input: { leaderboardId: board, userId: ana!.id, score: 0, submissionId: randomUUID(), ...over } });
    expect(await refusal(server, SUBMIT, over(inc.id, { score: 2e14 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.score' });
    expect(await refusal(server, SUBMIT, over(inc.id, { subscore: 2e14 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subscore' });
    expect(await rankOf(inc.id, ana!.id)).toMatchObject({ score: 9e14, subscore: 9e14, submissions: 1 });
    const dec = await define({ operator: 'DECREMENT' });
    await submit(dec.id, ana!.id, 9e14);
    expect(await refusal(server, SUBMIT, over(dec.id, { score: 2e14 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.score' });
    expect(await rankOf(dec.id, ana!.id)).toMatchObject({ score: -9e14, submissions: 1 });
    // Up to the bound exactly is fine; the refused submission's id was not used up.
    const refusedId = randomUUID();
    expect(await refusal(server, SUBMIT, over(dec.id, { score: 2e14, submissionId: refusedId }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.score' });
    expect((await submit(dec.id, ana!.id, 1e14, { submissionId: refusedId })).score).toBe(-1e15);
  });

  it('each operator changes the record as documented; metadata and updatedAt follow the submission that set the record; submissions counts them all', async () => {
    const [ana] = await players(1);
    const best = await define({ operator: 'BEST' });
    const first = await submit(best.id, ana!.id, 50, { metadata: '{"weapon":"bow"}' });
    expect(first).toMatchObject({ rank: 1, score: 50, subscore: 0, metadata: '{"weapon":"bow"}', submissions: 1, player: { id: ana!.id, username: ana!.username } });
    await sleep(5);
    // Worse, then equal: nothing changes but the count.
    expect(await submit(best.id, ana!.id, 20, { metadata: '{"weapon":"axe"}' })).toMatchObject({ score: 50, metadata: '{"weapon":"bow"}', submissions: 2, updatedAt: first.updatedAt });
    expect(await submit(best.id, ana!.id, 50, { metadata: '{"weapon":"axe"}' })).toMatchObject({ score: 50, metadata: '{"weapon":"bow"}', submissions: 3, updatedAt: first.updatedAt });
    // Equal score, better subscore: better.
    const better = await submit(best.id, ana!.id, 50, { subscore: 2, metadata: '{"weapon":"sword"}' });
    expect(better).toMatchObject({ score: 50, subscore: 2, metadata: '{"weapon":"sword"}', submissions: 4 });
    expect(new Date(better.updatedAt).getTime()).toBeGreaterThan(new Date(first.updatedAt).getTime());
    // ASC + BEST keeps the lowest.
    const laps = await define({ sortOrder: 'ASC', operator: 'BEST' });
    await submit(laps.id, ana!.id, 61.5, { subscore: 3 });
    expect(await submit(laps.id, ana!.id, 70)).toMatchObject({ score: 61.5, subscore: 3 });
    expect(await submit(laps.id, ana!.id, 61.5, { subscore: 1 })).toMatchObject({ score: 61.5, subscore: 1 });
    expect(await submit(laps.id, ana!.id, 59.25, { subscore: 9 })).toMatchObject({ score: 59.25, subscore: 9, submissions: 4 });
    // SET replaces, worse or not.
    const set = await define({ operator: 'SET' });
    await submit(set.id, ana!.id, 50, { subscore: 5 });
    expect(await submit(set.id, ana!.id, 20)).toMatchObject({ score: 20, subscore: 0, submissions: 2 });
    // INCREMENT adds score and subscore.
    const inc = await define({ operator: 'INCREMENT' });
    await submit(inc.id, ana!.id, 2.5, { subscore: 1 });
    expect(await submit(inc.id, ana!.id, 4, { subscore: 2 })).toMatchObject({ score: 6.5, subscore: 3, submissions: 2 });
    // DECREMENT subtracts both, from 0 for a first submission.
    const dec = await define({ operator: 'DECREMENT' });
    expect(await submit(dec.id, ana!.id, 3, { subscore: 1 })).toMatchObject({ score: -3, subscore: -1 });
    expect(await submit(dec.id, ana!.id, -10, { subscore: 1 })).toMatchObject({ score: 7, subscore: -2 });
  });

  it('is idempotent by submissionId: a retry (even with other values) or a concurrent twin applies once and answers the record as it is now', async () => {
    const [ana, ben] = await players(2);
    const server = await gameServer();
    const inc = await define({ operator: 'INCREMENT' });
    const once = { leaderboardId: inc.id, userId: ana!.id, score: 5, submissionId: `retry-${randomUUID()}` };
    const twins = await Promise.all(Array.from({ length: 6 }, () => gql<{ submitScore: { record: Rec } }>(url, SUBMIT, { input: once }, { token: server })));
    expect(twins.map((r) => r.errors)).toEqual(twins.map(() => undefined));
    expect(twins.map((r) => r.data!.submitScore.record.score)).toEqual(twins.map(() => 5));
    expect(await rankOf(inc.id, ana!.id)).toMatchObject({ score: 5, submissions: 1 });
    // Another submission changes the record; the first one retried answers the record as it is now.
    await submit(inc.id, ana!.id, 10);
    await submit(inc.id, ben!.id, 100);
    const retried = await must<{ submitScore: { record: Rec } }>(server, SUBMIT, { input: once });
    expect(retried.submitScore.record).toMatchObject({ rank: 2, score: 15, submissions: 2, player: { id: ana!.id } });
    // The same id with other values still applies nothing.
    const changed = await must<{ submitScore: { record: Rec } }>(server, SUBMIT, { input: { ...once, score: 1_000 } });
    expect(changed.submitScore.record).toMatchObject({ score: 15, submissions: 2 });
    expect(await rankOf(inc.id, ana!.id)).toMatchObject({ rank: 2, score: 15, submissions: 2 });
    // Different ids at once all count.
    const many = await define({ operator: 'INCREMENT' });
    await Promise.all(Array.from({ length: 20 }, () => submit(many.id, ben!.id, 1)));
    expect(await rankOf(many.id, ben!.id)).toMatchObject({ rank: 1, score: 20, submissions: 20 });
    // The id is the game server's for this leaderboard: another board takes it afresh.
    expect(await submit(many.id, ana!.id, 3, { submissionId: once.submissionId })).toMatchObject({ score: 3, submissions: 1 });
  });

  it('a submissionId already taken for another player is CONFLICT (input.submissionId), sent after or at once, and stores nothing', async () => {
    const [ana, ben, cat, dan] = await players(4);
    const server = await gameServer();
    const board = await define({ operator: 'INCREMENT' });
    const taken = `match-${randomUUID()}`;
    expect(await submit(board.id, ana!.id, 5, { submissionId: taken })).toMatchObject({ rank: 1, score: 5, submissions: 1 });
    for (const score of [5, 7]) {
      expect(await refusal(server, SUBMIT, { input: { leaderboardId: board.id, userId: ben!.id, score, submissionId: taken } })).toMatchObject({ code: 'CONFLICT', field: 'input.submissionId' });
    }
    expect(await rankOf(board.id, ben!.id)).toBeNull();
    expect(await rankOf(board.id, ana!.id)).toMatchObject({ rank: 1, score: 5, submissions: 1 });
    // Sent for two players at once: one of them applies, the other is refused.
    const both = `match-${randomUUID()}`;
    const raced = await Promise.all([cat!, dan!].map((p) => gql<{ submitScore: { record: Rec } }>(url, SUBMIT, { input: { leaderboardId: board.id, userId: p.id, score: 9, submissionId: both } }, { token: server })));
    const won = raced.findIndex((r) => !r.errors);
    expect(won).toBeGreaterThanOrEqual(0);
    expect(raced[1 - won]!.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.submissionId' });
    expect(raced[won]!.data!.submitScore.record).toMatchObject({ score: 9, submissions: 1, player: { id: [cat!, dan!][won]!.id } });
    expect(await rankOf(board.id, [cat!, dan!][1 - won]!.id)).toBeNull();
    expect((await topOf(board.id)).edges.map((e) => [e.node.player.id, e.node.score])).toEqual([[[cat!, dan!][won]!.id, 9], [ana!.id, 5]]);
  });
});

describe('acceptance: reading a leaderboard', () => {
  it('ranks by score, then subscore, in the sort order; on a tie whoever reached the score first ranks ahead', async () => {
    const [a, b, c, d, e] = await players(5);
    const desc = await define();
    await submit(desc.id, a!.id, 50);
    await submit(desc.id, b!.id, 70);
    await submit(desc.id, c!.id, 50); // ties a, later: behind a
    await submit(desc.id, d!.id, 50, { subscore: 3 }); // same score, better subscore
    await submit(desc.id, e!.id, 90);
    await submit(desc.id, a!.id, 50); // a BEST that is only equal: a keeps their place among the ties
    expect(await order(desc.id)).toEqual([e!.id, b!.id, d!.id, a!.id, c!.id]);
    expect((await topOf(desc.id)).edges.map((x) => x.node.rank)).toEqual([1, 2, 3, 4, 5]);

    // INCREMENT: the player who reached 50 first ranks ahead, whoever's record is older.
    const inc = await define({ operator: 'INCREMENT' });
    await submit(inc.id, b!.id, 25);
    await submit(inc.id, a!.id, 50);
    await submit(inc.id, b!.id, 25);
    expect(await order(inc.id)).toEqual([a!.id, b!.id]);
    // SET: setting the same score again is no new arrival; dropping and coming back is.
    const set = await define({ operator: 'SET' });
    await submit(set.id, a!.id, 40);
    await submit(set.id, b!.id, 40);
    await submit(set.id, a!.id, 40);
    expect(await order(set.id)).toEqual([a!.id, b!.id]);
    await submit(set.id, a!.id, 30);
    await submit(set.id, a!.id, 40);
    expect(await order(set.id)).toEqual([b!.id, a!.id]);

    // ASC: the lowest score first, then the lowest subscore, then who got there first.
    const asc = await define({ sortOrder: 'ASC' });
    await submit(asc.id, a!.id, 61.2);
    await submit(asc.id, b!.id, 59.9, { subscore: 2 });
    await submit(asc.id, c!.id, 59.9, { subscore: 1 });
    await submit(asc.id, d!.id, -3);
    await submit(asc.id, e!.id, 59.9, { subscore: 1 });
    expect(await order(asc.id)).toEqual([d!.id, c!.id, e!.id, b!.id, a!.id]);
  });

  it('top pages with cursors to the end; around gives n above and below, best first; rank gives the record or null; submitScore answers the rank among everyone', async () => {
    const board = await define();
    const p = await players(7);
    const scores = [10, 70, 30, 60, 20, 50, 40];
    const ranks: number[] = [];
    for (const [i, score] of scores.entries()) ranks.push((await submit(board.id, p[i]!.id, score)).rank);
    expect(ranks).toEqual([1, 1, 2, 2, 4, 3, 4]);
    const expected = [1, 3, 5, 6, 2, 4, 0].map((i) => p[i]!.id); // 70, 60, 50, 40, 30, 20, 10

    // Pages of 3: the cursor of each edge is its record's; endCursor is the last one's; hasNextPage until the end.
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(5);
      const page = await topOf(board.id, { first: 3, after });
      for (const edge of page.edges) expect(edge.cursor).toBe(edge.node.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      seen.push(...page.edges.map((e) => e.node.player.id));
      expect(page.edges.map((e) => e.node.rank)).toEqual(page.edges.map((_, i) => seen.length - page.edges.length + i + 1));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect((await topOf(board.id, { first: 0 })).edges).toEqual([]);
    expect((await topOf(board.id, { first: 0 })).pageInfo).toEqual({ hasNextPage: true, endCursor: null });
    expect(await order(board.id)).toEqual(expected); // 10 by default: all 7
    expect(await order(board.id, { first: 100 })).toEqual(expected);
    const last = (await topOf(board.id)).edges.at(-1)!.cursor;
    expect(await topOf(board.id, { after: last })).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    await expectRefusals(TOP, [
      ['first -1', undefined, { id: board.id, first: -1 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['first 101', undefined, { id: board.id, first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['a cursor top never returned', undefined, { id: board.id, after: 'garbage' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a base64 cursor top never returned', undefined, { id: board.id, after: Buffer.from('{"x":1}').toString('base64') }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a 100 KB cursor', undefined, { id: board.id, after: HUGE }, { code: 'BAD_USER_INPUT', field: 'after' }],
    ]);

    // around: n above, the player, n below; clipped at the ends; 5 by default.
    expect(await aroundOf(board.id, p[6]!.id, 1)).toEqual([[3, p[5]!.id], [4, p[6]!.id], [5, p[2]!.id]]);
    expect(await aroundOf(board.id, p[1]!.id, 2)).toEqual([[1, p[1]!.id], [2, p[3]!.id], [3, p[5]!.id]]);
    expect(await aroundOf(board.id, p[0]!.id, 1)).toEqual([[6, p[4]!.id], [7, p[0]!.id]]);
    expect(await aroundOf(board.id, p[0]!.id, 0)).toEqual([[7, p[0]!.id]]);
    expect((await aroundOf(board.id, p[6]!.id)).map(([, id]) => id)).toEqual(expected);
    expect(await aroundOf(board.id, randomUUID())).toEqual([]);
    await expectRefusals(AROUND, [
      ['n -1', undefined, { id: board.id, u: p[0]!.id, n: -1 }, { code: 'BAD_USER_INPUT', field: 'n' }],
      ['n 51', undefined, { id: board.id, u: p[0]!.id, n: 51 }, { code: 'BAD_USER_INPUT', field: 'n' }],
      ['a malformed player id', undefined, { id: board.id, u: 'nope' }, { code: 'BAD_USER_INPUT', field: 'userId' }],
      ['a 100 KB player id', undefined, { id: board.id, u: HUGE }, { code: 'BAD_USER_INPUT', field: 'userId' }],
    ]);
    expect(await aroundOf(board.id, p[0]!.id, 50)).toHaveLength(7);
    // A record's cursor, wherever it was read, is where top(after:) reads on from.
    const AROUND_CURSOR = `query($id: ID!, $u: ID!) { leaderboard(id: $id) { around(userId: $u, n: 0) { cursor } } }`;
    const cursor = (await must<{ leaderboard: { around: { cursor: string }[] } }>(undefined, AROUND_CURSOR, { id: board.id, u: p[6]!.id })).leaderboard.around[0]!.cursor;
    expect(await order(board.id, { first: 1, after: cursor })).toEqual([p[2]!.id]);

    // rank: the record with its user fields, or null without one.
    expect(await rankOf(board.id, p[5]!.id)).toMatchObject({ rank: 3, score: 50, subscore: 0, submissions: 1, metadata: '{}', player: { id: p[5]!.id, username: p[5]!.username } });
    expect(await rankOf(board.id, randomUUID())).toBeNull();
    expect(await refusal(undefined, RANK, { id: board.id, u: 'nope' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    // The current period reads the same through period(previous: 0); recordCount counts the players.
    const period = await must<{ leaderboard: { period: { number: number; recordCount: number; archivedAt: string | null; endsAt: string | null; top: { edges: { node: { player: { id: string } } }[] }; rank: { rank: number }; around: { rank: number }[] } } }>(
      undefined,
      PERIOD,
      { id: board.id, previous: 0, u: p[6]!.id },
    );
    expect(period.leaderboard.period).toMatchObject({ number: 1, recordCount: 7, archivedAt: null, endsAt: null, rank: { rank: 4, score: 40 }, around: [{ rank: 3 }, { rank: 4 }, { rank: 5 }] });
    expect(period.leaderboard.period.top.edges.map((e) => e.node.player.id)).toEqual(expected);
    const PREVIOUS = `query($id: ID!, $previous: Int) { leaderboard(id: $id) { period(previous: $previous) { number } } }`;
    expect(await must(undefined, PREVIOUS, { id: board.id, previous: 1 })).toEqual({ leaderboard: { period: null } });
    expect(await must(undefined, PREVIOUS, { id: board.id, previous: 2_147_483_647 })).toEqual({ leaderboard: { period: null } });
    expect(await refusal(undefined, PREVIOUS, { id: board.id, previous: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'previous' });
  });

  it('rank and around check only the id\'s format: a well-formed id of nobody reads as a player without a record, while submitScore refuses it', async () => {
    const board = await define();
    const [ana] = await players(1);
    await submit(board.id, ana!.id, 10);
    const nobody = randomUUID();
    expect(await rankOf(board.id, nobody)).toBeNull();
    expect(await aroundOf(board.id, nobody, 5)).toEqual([]);
    expect(await rankOf(board.id, nobody, 'FRIENDS', ana)).toBeNull();
    expect(await aroundOf(board.id, nobody, 5, 'FRIENDS', ana)).toEqual([]);
    expect((await must<{ leaderboard: { period: { rank: unknown; around: unknown[] } } }>(undefined, PERIOD, { id: board.id, previous: 0, u: nobody })).leaderboard.period).toMatchObject({ rank: null, around: [] });
    expect(await refusal(await gameServer(), SUBMIT, { input: { leaderboardId: board.id, userId: nobody, score: 1, submissionId: randomUUID() } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
    // Only a malformed id is refused by the reads.
    expect(await refusal(undefined, RANK, { id: board.id, u: 'nobody' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(await refusal(undefined, AROUND, { id: board.id, u: 'nobody' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  });

  it('FRIENDS ranks the viewer and their friends, GUILD the viewer\'s guild; rank is 1 for the best record in the scope read', async () => {
    const [ana, ben, cat, dan] = await players(4);
    await must(ana, `mutation($u: ID!) { sendFriendRequest(input: { userId: $u }) { __typename } }`, { u: ben!.id });
    await must(ben, `mutation($u: ID!) { acceptFriendRequest(input: { userId: $u }) { __typename } }`, { u: ana!.id });
    const guild = (await must<{ createGuild: { guild: { id: string } } }>(ana, `mutation($n: String!, $t: String!) { createGuild(input: { name: $n, tag: $t }) { guild { id } } }`, {
      n: uniqueName('lbacc'),
      t: randomUUID().replace(/[^a-z0-9]/g, '').slice(0, 5).toUpperCase(),
    })).createGuild.guild;
    await must(cat, `mutation($g: ID!) { joinGuild(input: { guildId: $g }) { status } }`, { g: guild.id });
    const board = await define();
    for (const [p, score] of [[ana!, 10], [ben!, 20], [cat!, 30], [dan!, 40]] as const) await submit(board.id, p.id, score);
    const ranked = async (viewer: Player, scope: string) => (await topOf(board.id, { scope }, viewer)).edges.map((e) => [e.node.rank, e.node.player.id]);
    await expect.poll(() => ranked(ana!, 'FRIENDS'), { timeout: 10_000 }).toEqual([[1, ben!.id], [2, ana!.id]]);
    await expect.poll(() => ranked(ana!, 'GUILD'), { timeout: 10_000 }).toEqual([[1, cat!.id], [2, ana!.id]]);
    expect(await ranked(ana!, 'GLOBAL')).toEqual([[1, dan!.id], [2, cat!.id], [3, ben!.id], [4, ana!.id]]);
    // A player with no friends is alone among them; in no guild, the GUILD scope is empty.
    expect(await ranked(dan!, 'FRIENDS')).toEqual([[1, dan!.id]]);
    expect(await ranked(dan!, 'GUILD')).toEqual([]);
    expect(await rankOf(board.id, ana!.id, 'FRIENDS', ana)).toMatchObject({ rank: 2, score: 10 });
    expect(await rankOf(board.id, ana!.id, 'GUILD', ana)).toMatchObject({ rank: 2, score: 10 });
    expect(await rankOf(board.id, ana!.id, 'GLOBAL', ana)).toMatchObject({ rank: 4 });
    // Outside the scope: null and empty.
    expect(await rankOf(board.id, dan!.id, 'FRIENDS', ana)).toBeNull();
    expect(await aroundOf(board.id, dan!.id, 5, 'GUILD', ana)).toEqual([]);
    expect(await aroundOf(board.id, ana!.id, 1, 'FRIENDS', ana)).toEqual([[1, ben!.id], [2, ana!.id]]);
    // Pages in a scope.
    const first = await topOf(board.id, { scope: 'FRIENDS', first: 1 }, ana);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect((await topOf(board.id, { scope: 'FRIENDS', first: 1, after: first.pageInfo.endCursor }, ana)).edges.map((e) => [e.node.rank, e.node.player.id])).toEqual([[2, ana!.id]]);
  });
});

describe('acceptance: live leaderboards', () => {
  it('leaderboardUpdated: every subscriber with the same arguments gets the top as it is, for entering, moving within and leaving it; changes below it are not pushed', async () => {
    const board = await define();
    const [a, b, c, d] = await players(4);
    await submit(board.id, a!.id, 30);
    await submit(board.id, b!.id, 20);
    await submit(board.id, c!.id, 10);
    const before = await activeSubscriptions(url);
    const one = subscribe(client(), UPDATED, { id: board.id, first: 2 });
    const other = subscribe(client(a!.token), UPDATED, { id: board.id, first: 2 });
    // Both joined the gateway's one shared stream, and it is live upstream.
    await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 2);
    await live(one, boardChannel(board.id));
    expect(other.error).toBeUndefined();
    const topIs = async (expected: [number, string][]) => {
      await expect.poll(() => one.results.length, { timeout: 10_000 }).toBeGreaterThan(0);
      await expect.poll(() => (one.results.at(-1)!.data as { leaderboardUpdated: Update }).leaderboardUpdated.top.map((r) => [r.score, r.player.id]), { timeout: 10_000 }).toEqual(expected);
    };
    // c enters the top 2.
    await submit(board.id, c!.id, 25);
    await topIs([[30, a!.id], [25, c!.id]]);
    expect(one.results.at(-1)!.data).toEqual({
      leaderboardUpdated: { reset: false, leaderboard: { id: board.id }, period: { number: 1, archivedAt: null }, top: [{ rank: 1, score: 30, player: { id: a!.id } }, { rank: 2, score: 25, player: { id: c!.id } }] },
    });
    // Moves within it.
    await submit(board.id, c!.id, 35);
    await topIs([[35, c!.id], [30, a!.id]]);
    // A record of the top that changes in place.
    await submit(board.id, c!.id, 36);
    await topIs([[36, c!.id], [30, a!.id]]);
    // Below it, or no change at all (a worse BEST): not pushed.
    let seen = one.results.length;
    await submit(board.id, b!.id, 21);
    await submit(board.id, d!.id, 5);
    await submit(board.id, c!.id, 1);
    await sleep(800);
    expect(one.results.length).toBe(seen);
    // d enters and a leaves.
    await submit(board.id, d!.id, 40);
    await topIs([[40, d!.id], [36, c!.id]]);
    seen = one.results.length;
    // Shared: the other subscriber got the same updates.
    await expect.poll(() => other.results.length, { timeout: 5_000 }).toBe(seen);
    expect(other.results).toEqual(one.results);
    expect(one.error ?? other.error).toBeUndefined();
  });

  it('leaderboardUpdated coalesces a burst: the last update always shows the board as it is then', async () => {
    const board = await define({ operator: 'INCREMENT' });
    const p = await players(6);
    const sub = subscribe(client(), UPDATED, { id: board.id, first: 3 });
    await live(sub, boardChannel(board.id));
    await Promise.all(Array.from({ length: 30 }, (_, i) => submit(board.id, p[i % p.length]!.id, (i * 7) % 11)));
    const now = (await topOf(board.id, { first: 3 })).edges.map((e) => [e.node.rank, e.node.score, e.node.player.id]);
    await expect.poll(() => (sub.results.at(-1)?.data as { leaderboardUpdated: Update } | undefined)?.leaderboardUpdated.top.map((r) => [r.rank, r.score, r.player.id]), { timeout: 10_000 }).toEqual(now);
    expect(sub.results.length).toBeLessThanOrEqual(30);
    expect(sub.results.every((r) => !r.errors)).toBe(true);
  });

  it('rankChanged tells only the players passed: their new rank, the rank before and who passed them, in order', async () => {
    const board = await define();
    const [a, b, c, d, e] = await players(5);
    await submit(board.id, a!.id, 40);
    await submit(board.id, b!.id, 30);
    await submit(board.id, c!.id, 20);
    await submit(board.id, d!.id, 10);
    const heard = Object.fromEntries([a!, b!, c!, d!].map((p) => [p.id, subscribe(client(p.token), RANK_CHANGED, { id: board.id })]));
    for (const p of [a!, b!, c!, d!]) await live(heard[p.id]!, rankChannel(board.id, p));
    // d climbs from 4th to 2nd: b and c are passed, a is not.
    await submit(board.id, d!.id, 35);
    await expect.poll(() => [heard[b!.id]!.results.length, heard[c!.id]!.results.length], { timeout: 10_000 }).toEqual([1, 1]);
    expect(heard[b!.id]!.results[0]!.data).toEqual({ rankChanged: { rank: 3, previousRank: 2, passedBy: [{ id: d!.id, username: d!.username }], leaderboard: { id: board.id } } });
    expect(heard[c!.id]!.results[0]!.data).toEqual({ rankChanged: { rank: 4, previousRank: 3, passedBy: [{ id: d!.id, username: d!.username }], leaderboard: { id: board.id } } });
    // Reaching a's score is not passing a (ties go to who got there first); a worse or equal BEST is nobody's pass.
    await submit(board.id, c!.id, 40);
    await expect.poll(() => heard[b!.id]!.results.length, { timeout: 10_000 }).toBe(2);
    expect(heard[b!.id]!.results[1]!.data).toMatchObject({ rankChanged: { rank: 4, previousRank: 3, passedBy: [{ id: c!.id }] } });
    await expect.poll(() => heard[d!.id]!.results.length, { timeout: 10_000 }).toBe(1);
    expect(heard[d!.id]!.results[0]!.data).toMatchObject({ rankChanged: { rank: 3, previousRank: 2, passedBy: [{ id: c!.id }] } });
    // A worse BEST and an improvement at the top pass nobody.
    await submit(board.id, b!.id, 1);
    await submit(board.id, a!.id, 50);
    await submit(board.id, c!.id, 45);
    await sleep(800);
    expect(heard[a!.id]!.results).toEqual([]);
    expect(heard[b!.id]!.results).toHaveLength(2);
    expect(heard[d!.id]!.results).toHaveLength(1);
    for (const sub of Object.values(heard)) expect(sub.error).toBeUndefined();
    // On an ASC board, passing is getting below: e's 59.9 passes d's 61.2.
    const laps = await define({ sortOrder: 'ASC' });
    await submit(laps.id, d!.id, 61.2);
    await submit(laps.id, e!.id, 70);
    const forD = subscribe(client(d!.token), RANK_CHANGED, { id: laps.id });
    await live(forD, rankChannel(laps.id, d!));
    await submit(laps.id, e!.id, 59.9);
    await expect.poll(() => forD.results.map((r) => r.data), { timeout: 10_000 }).toEqual([{ rankChanged: { rank: 2, previousRank: 1, passedBy: [{ id: e!.id, username: e!.username }], leaderboard: { id: laps.id } } }]);
  });
});

describe('acceptance: defaults and edges', () => {
  it('top gives 10 records by default, around 5 on each side, leaderboardUpdated 10; an empty board has no next page', async () => {
    const board = await define();
    const p = await players(13);
    const sub = subscribe(client(), UPDATED, { id: board.id });
    await live(sub, boardChannel(board.id));
    for (const [i, player] of p.entries()) await submit(board.id, player.id, 100 - i);
    const page = await topOf(board.id);
    expect(page.edges.map((e) => e.node.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(await aroundOf(board.id, p[6]!.id)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((rank) => [rank, p[rank - 1]!.id]));
    await expect.poll(() => (sub.results.at(-1)?.data as { leaderboardUpdated: Update } | undefined)?.leaderboardUpdated.top.map((r) => r.rank), { timeout: 10_000 }).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    sub.stop();
    const empty = await define();
    expect(await topOf(empty.id, { first: 0 })).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(await topOf(empty.id)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('leaderboardUpdated: which changes count follows `first`: a move at 4th reaches first: 5, not first: 3; a new board\'s period starts at its creation', async () => {
    const before = Date.now();
    const board = await define();
    const after = Date.now();
    const STARTED = `query($id: ID!) { leaderboard(id: $id) { period { number startedAt } } }`;
    const started = (await must<{ leaderboard: { period: { number: number; startedAt: string } } }>(undefined, STARTED, { id: board.id })).leaderboard.period;
    expect(started.number).toBe(1);
    expect(new Date(started.startedAt).getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(new Date(started.startedAt).getTime()).toBeLessThanOrEqual(after + 1_000);
    const p = await players(5);
    for (const [i, player] of p.entries()) await submit(board.id, player.id, 50 - i * 10); // 50, 40, 30, 20, 10
    const three = subscribe(client(), UPDATED, { id: board.id, first: 3 });
    const five = subscribe(client(), UPDATED, { id: board.id, first: 5 });
    const topIds = (sub: Subscription) => (sub.results.at(-1)?.data as { leaderboardUpdated: Update } | undefined)?.leaderboardUpdated.top.map((r) => r.player.id);
    // Until both streams are live upstream: the leader improves until both have heard it.
    let lead = 50;
    await expect.poll(async () => (three.results.length && five.results.length) || (await submit(board.id, p[0]!.id, ++lead), 0), { timeout: 15_000, interval: 300 }).toBeGreaterThan(0);
    await expect.poll(() => [three, five].map((sub) => (sub.results.at(-1)?.data as { leaderboardUpdated: Update }).leaderboardUpdated.top[0]!.score), { timeout: 10_000 }).toEqual([lead, lead]);
    const heardByThree = three.results.length;
    // 5th moves to 4th: inside the top 5, below the top 3.
    await submit(board.id, p[4]!.id, 25);
    await expect.poll(() => topIds(five), { timeout: 10_000 }).toEqual([0, 1, 2, 4, 3].map((i) => p[i]!.id));
    // 4th moves to 1st: both hear it, and that is all the top 3 heard.
    await submit(board.id, p[4]!.id, 100);
    await expect.poll(() => topIds(three), { timeout: 10_000 }).toEqual([4, 0, 1].map((i) => p[i]!.id));
    await expect.poll(() => topIds(five), { timeout: 10_000 }).toEqual([4, 0, 1, 2, 3].map((i) => p[i]!.id));
    expect(three.results).toHaveLength(heardByThree + 1);
    three.stop();
    five.stop();
  });

  it('leaderboardUpdated and rankChanged show the leaderboard as it is now: a renamed board\'s updates carry its new title', async () => {
    const board = await define({ title: 'Old name' });
    const [a, b] = await players(2);
    await submit(board.id, a!.id, 10);
    const updates = subscribe(client(), `subscription($id: ID!) { leaderboardUpdated(id: $id, first: 3) { leaderboard { id title metadata } top { player { id } } } }`, { id: board.id });
    const passes = subscribe(client(a!.token), `subscription($id: ID!) { rankChanged(leaderboardId: $id) { leaderboard { id title } rank } }`, { id: board.id });
    await live(updates, boardChannel(board.id));
    await live(passes, rankChannel(board.id, a!));
    await must(await adminToken(), DEFINE, { input: { id: board.id, title: 'New name', metadata: '{"season":2}' } });
    await submit(board.id, b!.id, 20);
    await expect.poll(() => updates.results.at(-1)?.data, { timeout: 10_000 }).toEqual({ leaderboardUpdated: { leaderboard: { id: board.id, title: 'New name', metadata: '{"season":2}' }, top: [{ player: { id: b!.id } }, { player: { id: a!.id } }] } });
    await expect.poll(() => passes.results.at(-1)?.data, { timeout: 10_000 }).toEqual({ rankChanged: { leaderboard: { id: board.id, title: 'New name' }, rank: 2 } });
    updates.stop();
    passes.stop();
  });

  it('metadata comes back as the text sent: keys in their order, spacing and escapes kept', async () => {
    const [ana] = await players(1);
    const definition = '{"weapon":"bow", "level":3, "nested":{"z":1,"a":[2, 1]}}';
    const board = await define({ metadata: definition });
    expect(board.metadata).toBe(definition);
    expect(await must(undefined, `query($id: ID!) { leaderboard(id: $id) { metadata } }`, { id: board.id })).toEqual({ leaderboard: { metadata: definition } });
    const sent = '{ "weapon": "axe", "kills": 12, "map": "dust", "note": "\\u0000 and \\ud800" }';
    expect(JSON.parse(sent)).toMatchObject({ note: '\u0000 and \ud800' });
    expect((await submit(board.id, ana!.id, 5, { metadata: sent })).metadata).toBe(sent);
    expect((await rankOf(board.id, ana!.id))!.metadata).toBe(sent);
    // A submission that does not change the record keeps the metadata of the one that did.
    expect((await submit(board.id, ana!.id, 1, { metadata: '{"b":1,"a":2}' })).metadata).toBe(sent);
    expect((await submit(board.id, ana!.id, 9, { metadata: '{"b":1,"a":2}' })).metadata).toBe('{"b":1,"a":2}');
  });

  it('rankChanged: a player whose own record drops (SET) passes nobody and is passed by nobody; a rise past them afterwards is a pass', async () => {
    const board = await define({ operator: 'SET' });
    const [a, b, c] = await players(3);
    await submit(board.id, a!.id, 30);
    await submit(board.id, b!.id, 20);
    await submit(board.id, c!.id, 10);
    const heard = [a!, b!, c!].map((p) => subscribe(client(p.token), RANK_CHANGED, { id: board.id }));
    for (const [i, p] of [a!, b!, c!].entries()) await live(heard[i]!, rankChannel(board.id, p));
    // a falls from 1st to 3rd: b and c move up without passing anyone, and nobody moved ahead of a.
    expect(await submit(board.id, a!.id, 5)).toMatchObject({ rank: 3 });
    // c rises past b: b hears it (and only b), which also shows a's drop was delivered to nobody before.
    await submit(board.id, c!.id, 25);
    await expect.poll(() => heard[1]!.results.map((r) => r.data), { timeout: 10_000 }).toEqual([
      { rankChanged: { rank: 2, previousRank: 1, passedBy: [{ id: c!.id, username: c!.username }], leaderboard: { id: board.id } } },
    ]);
    await sleep(500);
    expect(heard[0]!.results).toEqual([]);
    expect(heard[2]!.results).toEqual([]);
    for (const sub of heard) sub.stop();
  });

  it('rankChanged: passes in a row reach the player in order, each change starting at the rank the one before left them', async () => {
    const board = await define();
    const [lead, p, q, r] = await players(4);
    await submit(board.id, lead!.id, 50);
    const heard = subscribe(client(lead!.token), RANK_CHANGED, { id: board.id });
    await live(heard, rankChannel(board.id, lead!));
    for (const passer of [p!, q!, r!]) await submit(board.id, passer.id, 60);
    const changes = () => heard.results.map((x) => (x.data as { rankChanged: { rank: number; previousRank: number; passedBy: { id: string }[] } }).rankChanged);
    // Some may arrive as one change; together they tell every pass once, in order.
    await expect.poll(() => changes().flatMap((c) => c.passedBy.map((u) => u.id)), { timeout: 10_000 }).toEqual([p!.id, q!.id, r!.id]);
    expect(changes().at(-1)!.rank).toBe(4);
    expect(changes()[0]!.previousRank).toBe(1);
    for (const [i, change] of changes().entries()) {
      if (i > 0) expect(change.previousRank).toBe(changes()[i - 1]!.rank);
      expect(change.rank - change.previousRank).toBe(change.passedBy.length);
    }
    heard.stop();
  });

  it('GUILD: a player who leaves the guild leaves its scope', async () => {
    const board = await define();
    const [ana, ben] = await players(2);
    const guild = (await must<{ createGuild: { guild: { id: string } } }>(ana, `mutation($n: String!, $t: String!) { createGuild(input: { name: $n, tag: $t }) { guild { id } } }`, {
      n: uniqueName('lbleave'),
      t: randomUUID().replace(/[^a-z0-9]/g, '').slice(0, 5).toUpperCase(),
    })).createGuild.guild;
    await must(ben, `mutation($g: ID!) { joinGuild(input: { guildId: $g }) { status } }`, { g: guild.id });
    await submit(board.id, ana!.id, 10);
    await submit(board.id, ben!.id, 20);
    await expect.poll(() => order(board.id, { scope: 'GUILD' }, ana), { timeout: 15_000, interval: 200 }).toEqual([ben!.id, ana!.id]);
    await must(ben, `mutation { leaveGuild { __typename } }`);
    await expect.poll(() => order(board.id, { scope: 'GUILD' }, ana), { timeout: 15_000, interval: 200 }).toEqual([ana!.id]);
    await expect.poll(() => order(board.id, { scope: 'GUILD' }, ben), { timeout: 15_000, interval: 200 }).toEqual([]);
    expect(await rankOf(board.id, ben!.id, 'GUILD', ana)).toBeNull();
  });

  it('FRIENDS: a pending friend request is no friendship; removeFriend takes the friend out of the scope at once', async () => {
    const board = await define();
    const [me, asked, friend] = await players(3);
    await must(me, `mutation($u: ID!) { sendFriendRequest(input: { userId: $u }) { __typename } }`, { u: asked!.id });
    await must(me, `mutation($u: ID!) { sendFriendRequest(input: { userId: $u }) { __typename } }`, { u: friend!.id });
    await must(friend, `mutation($u: ID!) { acceptFriendRequest(input: { userId: $u }) { __typename } }`, { u: me!.id });
    for (const [p, score] of [[me!, 1], [asked!, 2], [friend!, 3]] as const) await submit(board.id, p.id, score);
    expect(await order(board.id, { scope: 'FRIENDS' }, me)).toEqual([friend!.id, me!.id]);
    expect(await order(board.id, { scope: 'FRIENDS' }, asked)).toEqual([asked!.id]);
    expect(await rankOf(board.id, asked!.id, 'FRIENDS', me)).toBeNull();
    await must(me, `mutation($u: ID!) { removeFriend(input: { userId: $u }) { __typename } }`, { u: friend!.id });
    expect(await order(board.id, { scope: 'FRIENDS' }, me)).toEqual([me!.id]);
    expect(await order(board.id, { scope: 'FRIENDS' }, friend)).toEqual([friend!.id]);
  });
});

describe('acceptance: rankChanged and newcomers', () => {
  it('a player\'s first record passes every listening player it lands ahead of', async () => {
    const board = await define();
    const [top, low, newcomer] = await players(3);
    await submit(board.id, top!.id, 30);
    await submit(board.id, low!.id, 10);
    const forTop = subscribe(client(top!.token), RANK_CHANGED, { id: board.id });
    const forLow = subscribe(client(low!.token), RANK_CHANGED, { id: board.id });
    await live(forTop, rankChannel(board.id, top!));
    await live(forLow, rankChannel(board.id, low!));
    // The newcomer enters at 20: ahead of low (who never had them behind), behind top.
    expect(await submit(board.id, newcomer!.id, 20)).toMatchObject({ rank: 2, submissions: 1 });
    await expect.poll(() => forLow.results.map((r) => r.data), { timeout: 10_000 }).toEqual([
      { rankChanged: { rank: 3, previousRank: 2, passedBy: [{ id: newcomer!.id, username: newcomer!.username }], leaderboard: { id: board.id } } },
    ]);
    await sleep(500);
    expect(forTop.results).toEqual([]);
    forTop.stop();
    forLow.stop();
  });
});

describe('acceptance: scheduled resets', () => {
  it('at the scheduled time the period is archived with its records, an empty one begins, subscribers get it with reset: true, and retries of old submissions apply nothing', async () => {
    const board = await define();
    const [ana, ben] = await players(2);
    const oldSubmission = randomUUID();
    await submit(board.id, ana!.id, 30, { submissionId: oldSubmission });
    await submit(board.id, ben!.id, 20);
    const sub = subscribe(client(), UPDATED, { id: board.id, first: 5 });
    await live(sub, boardChannel(board.id));
    // Once a minute, at a second 4–5 s from now (6 fields: seconds first): far enough that a loaded
    // machine answers the definition before then, so the next reset is that one, not a minute later.
    const token = await adminToken();
    const target = Math.ceil((Date.now() + 4_000) / 1_000) * 1_000;
    const second = new Date(target).getUTCSeconds();
    const defined = (await must<{ defineLeaderboard: { leaderboard: Board } }>(token, DEFINE, { input: { id: board.id, title: 'Minutely', resetSchedule: `${second} * * * * *` } })).defineLeaderboard.leaderboard;
    expect(Date.now(), 'defineLeaderboard answered only after the chosen second').toBeLessThan(target);
    const due = new Date(defined.nextResetAt!);
    expect(due.toISOString()).toBe(new Date(target).toISOString());

    type PeriodRead = { leaderboard: { nextResetAt: string; period: { number: number; startedAt: string; endsAt: string; archivedAt: string | null; recordCount: number; top: { edges: { node: { rank: number; score: number; player: { id: string } } }[] }; rank: { rank: number; score: number } | null; around: { rank: number }[] } | null } };
    await expect.poll(async () => (await must<PeriodRead>(undefined, PERIOD, { id: board.id, u: ana!.id })).leaderboard.period!.number, { timeout: 15_000, interval: 200 }).toBe(2);
    const current = (await must<PeriodRead>(undefined, PERIOD, { id: board.id, u: ana!.id })).leaderboard;
    const archived = (await must<PeriodRead>(undefined, PERIOD, { id: board.id, previous: 1, u: ben!.id })).leaderboard.period!;
    // The archived period keeps its records and stays readable.
    expect(archived).toMatchObject({ number: 1, endsAt: due.toISOString(), recordCount: 2, rank: { rank: 2, score: 20 }, around: [{ rank: 1 }, { rank: 2 }] });
    expect(archived.archivedAt).not.toBeNull();
    expect(new Date(archived.archivedAt!).getTime()).toBeGreaterThanOrEqual(due.getTime());
    expect(archived.top.edges.map((e) => [e.node.rank, e.node.score, e.node.player.id])).toEqual([[1, 30, ana!.id], [2, 20, ben!.id]]);
    // Its top pages like the current one's, and refuses what the current one refuses.
    const ARCHIVED_TOP = `query($id: ID!, $first: Int, $after: String) { leaderboard(id: $id) { period(previous: 1) { top(first: $first, after: $after) { edges { node { rank player { id } } } pageInfo { hasNextPage endCursor } } } } }`;
    type ArchivedTop = { leaderboard: { period: { top: { edges: { node: { rank: number; player: { id: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } };
    const page1 = (await must<ArchivedTop>(undefined, ARCHIVED_TOP, { id: board.id, first: 1 })).leaderboard.period.top;
    expect(page1.edges.map((e) => [e.node.rank, e.node.player.id])).toEqual([[1, ana!.id]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await must<ArchivedTop>(undefined, ARCHIVED_TOP, { id: board.id, first: 1, after: page1.pageInfo.endCursor })).leaderboard.period.top;
    expect(page2).toMatchObject({ edges: [{ node: { rank: 2, player: { id: ben!.id } } }], pageInfo: { hasNextPage: false } });
    expect(await refusal(undefined, ARCHIVED_TOP, { id: board.id, first: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await refusal(undefined, ARCHIVED_TOP, { id: board.id, after: 'garbage' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // The new period: empty, started at the reset, ends at the schedule's next time (a minute on).
    expect(current.period).toMatchObject({ number: 2, archivedAt: null, recordCount: 0, top: { edges: [] }, rank: null, around: [] });
    expect(current.period!.startedAt).toBe(archived.archivedAt);
    expect(current.nextResetAt).toBe(current.period!.endsAt);
    expect(new Date(current.nextResetAt).getTime() - due.getTime()).toBe(60_000);
    expect(await topOf(board.id)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    // Pushed to subscribers: the new, empty period with reset: true.
    await expect.poll(() => sub.results.map((r) => (r.data as { leaderboardUpdated: Update }).leaderboardUpdated), { timeout: 10_000 }).toContainEqual({
      reset: true,
      leaderboard: { id: board.id },
      period: { number: 2, archivedAt: null },
      top: [],
    });
    // A retry of a submission from the archived period applies nothing to the new one, where ana has
    // no record: CONFLICT, not a made-up record.
    const retry = { input: { leaderboardId: board.id, userId: ana!.id, score: 30, submissionId: oldSubmission } };
    expect(await refusal(await gameServer(), SUBMIT, retry)).toMatchObject({ code: 'CONFLICT', field: 'input.submissionId' });
    expect(await rankOf(board.id, ana!.id)).toBeNull();
    // New submissions land in the new period only.
    expect(await submit(board.id, ben!.id, 5)).toMatchObject({ rank: 1, score: 5, submissions: 1 });
    // Once ana has a record in this period, the same retry answers it as it is now, applying nothing.
    await submit(board.id, ana!.id, 7);
    expect((await must<{ submitScore: { record: Rec } }>(await gameServer(), SUBMIT, retry)).submitScore.record).toMatchObject({ rank: 1, score: 7, submissions: 1, player: { id: ana!.id } });
    expect((await must<PeriodRead>(undefined, PERIOD, { id: board.id, previous: 1, u: ben!.id })).leaderboard.period).toMatchObject({ recordCount: 2, rank: { rank: 2, score: 20 } });
    expect((await must<PeriodRead>(undefined, PERIOD, { id: board.id, previous: 2, u: ben!.id })).leaderboard.period).toBeNull();
    expect((await must<PeriodRead>(undefined, PERIOD, { id: board.id, previous: 1, u: randomUUID() })).leaderboard.period).toMatchObject({ rank: null, around: [] });
    // Stop it resetting while the platform still runs.
    await must(await adminToken(), DEFINE, { input: { id: board.id, title: 'Minutely' } });
    expect(sub.error).toBeUndefined();
  });
});

describe('acceptance: changed reset schedules', () => {
  it('a schedule changed or removed before its time does not reset at the old time; the board that kept it does', async () => {
    const target = Math.ceil((Date.now() + 4_000) / 1_000) * 1_000;
    const schedule = `${new Date(target).getUTCSeconds()} * * * * *`;
    const kept = await define({ resetSchedule: schedule });
    const changed = await define({ resetSchedule: schedule });
    const removed = await define({ resetSchedule: schedule });
    const token = await adminToken();
    await must(token, DEFINE, { input: { id: changed.id, title: 'Weekly kills', resetSchedule: '0 0 1 1 *' } });
    await must(token, DEFINE, { input: { id: removed.id, title: 'Weekly kills' } });
    expect(Date.now(), 'redefined only after the old time').toBeLessThan(target);
    const NUMBER = `query($id: ID!) { leaderboard(id: $id) { nextResetAt period { number endsAt } } }`;
    type Read = { leaderboard: { nextResetAt: string | null; period: { number: number; endsAt: string | null } } };
    await expect.poll(async () => (await must<Read>(undefined, NUMBER, { id: kept.id })).leaderboard.period.number, { timeout: 15_000, interval: 200 }).toBe(2);
    await sleep(1_000); // the old time's jobs ran beside the kept board's
    const later = (await must<Read>(undefined, NUMBER, { id: changed.id })).leaderboard;
    expect(later.period.number).toBe(1);
    expect(new Date(later.nextResetAt!).toISOString().slice(4, 19)).toBe('-01-01T00:00:00');
    expect(later.period.endsAt).toBe(later.nextResetAt);
    expect((await must<Read>(undefined, NUMBER, { id: removed.id })).leaderboard).toEqual({ nextResetAt: null, period: { number: 1, endsAt: null } });
    await must(token, DEFINE, { input: { id: kept.id, title: 'Weekly kills' } });
  });
});

describe('acceptance: scores the platform feeds', () => {
  it('boards following ACHIEVEMENT_POINTS and GUILD_CONTRIBUTION get each event once, shortly after it', async () => {
    const points = await define({ operator: 'INCREMENT', follows: ['ACHIEVEMENT_POINTS'] });
    const board = await define({ operator: 'INCREMENT', follows: ['GUILD_CONTRIBUTION'] });
    const [ana] = await players(1);
    // An unlocked achievement's points: the first won combat unlocks First Blood (10 points).
    const events = await gameServerToken(platform, url, ['REPORT_GAME_EVENTS']);
    const event = { id: `acc-lb-${randomUUID()}`, userId: ana!.id, type: 'COMBAT_WON' };
    await must(events, `mutation($input: GameEventInput!) { recordGameEvent(input: $input) { events { id } } }`, { input: event });
    await must(events, `mutation($input: GameEventInput!) { recordGameEvent(input: $input) { events { id } } }`, { input: event }); // a retry: no second unlock
    await expect.poll(async () => (await rankOf(points.id, ana!.id))?.score ?? null, { timeout: 15_000, interval: 200 }).toBe(10);
    expect(await rankOf(points.id, ana!.id)).toMatchObject({ submissions: 1 });
    // Coins contributed to the guild's treasury: each contribution once (a retried request is none).
    await must(await adminToken(), `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
      input: { userId: ana!.id, idempotencyKey: `acc-lb-${randomUUID()}`, reason: 'test', changes: [{ currency: 'COINS', amount: 1_000 }] },
    });
    await must(ana, `mutation($n: String!, $t: String!) { createGuild(input: { name: $n, tag: $t }) { guild { id } } }`, {
      n: uniqueName('lbfeed'),
      t: randomUUID().replace(/[^a-z0-9]/g, '').slice(0, 5).toUpperCase(),
    });
    const CONTRIBUTE = `mutation($coins: Int!, $key: String!) { contributeToGuild(input: { coins: $coins, requestKey: $key }) { guild { id } } }`;
    const key = `acc-lb-${randomUUID()}`;
    await must(ana, CONTRIBUTE, { coins: 300, key });
    await must(ana, CONTRIBUTE, { coins: 300, key });
    await must(ana, CONTRIBUTE, { coins: 150, key: `acc-lb-${randomUUID()}` });
    await expect.poll(async () => (await rankOf(board.id, ana!.id))?.score ?? null, { timeout: 15_000, interval: 200 }).toBe(450);
    await sleep(300);
    expect(await rankOf(board.id, ana!.id)).toMatchObject({ score: 450, submissions: 2 });
  });

  it('a board that stops following a source gets none of its later events; one that starts following gets them', async () => {
    const [ana] = await players(1);
    const stays = await define({ operator: 'INCREMENT', follows: ['ACHIEVEMENT_POINTS'] });
    const stops = await define({ operator: 'INCREMENT', follows: ['ACHIEVEMENT_POINTS'] });
    const starts = await define({ operator: 'INCREMENT' });
    const adminT = await adminToken();
    await must(adminT, DEFINE, { input: { id: stops.id, title: 'Weekly kills', operator: 'INCREMENT', follows: [] } });
    await must(adminT, DEFINE, { input: { id: starts.id, title: 'Weekly kills', operator: 'INCREMENT', follows: ['ACHIEVEMENT_POINTS'] } });
    const events = await gameServerToken(platform, url, ['REPORT_GAME_EVENTS']);
    await must(events, `mutation($input: GameEventInput!) { recordGameEvent(input: $input) { events { id } } }`, { input: { id: `acc-lb-${randomUUID()}`, userId: ana!.id, type: 'COMBAT_WON' } });
    await expect.poll(async () => (await rankOf(stays.id, ana!.id))?.score ?? null, { timeout: 15_000, interval: 200 }).toBe(10);
    await expect.poll(async () => (await rankOf(starts.id, ana!.id))?.score ?? null, { timeout: 15_000, interval: 200 }).toBe(10);
    expect(await rankOf(stops.id, ana!.id)).toBeNull();
  });

  it('a board following TOURNAMENT_PLACEMENT gets each completed tournament\'s places; with ASC and BEST, a player\'s best finish', async () => {
    const board = await define({ sortOrder: 'ASC', operator: 'BEST', follows: ['TOURNAMENT_PLACEMENT'] });
    const [ana, ben] = await players(2);
    const adminT = await adminToken();
    /** A two-player single elimination the game server decides for `winner`. */
    async function playCup(winner: Player) {
      const cup = (await must<{ createTournament: { tournament: { id: string } } }>(adminT, `mutation($input: CreateTournamentInput!) { createTournament(input: $input) { tournament { id } } }`, {
        input: { name: `Leaderboard Cup ${randomUUID().slice(0, 6)}`, format: 'SINGLE_ELIMINATION', startsAt: new Date(Date.now() + 3_600_000).toISOString(), minParticipants: 2, maxParticipants: 2 },
      })).createTournament.tournament;
      for (const p of [ana!, ben!]) await must(p, `mutation($t: ID!) { joinTournament(input: { tournamentId: $t }) { tournament { id } } }`, { t: cup.id });
      await must(adminT, `mutation($t: ID!) { startTournament(input: { tournamentId: $t }) { tournament { id } } }`, { t: cup.id });
      const bracket = await must<{ tournament: { bracket: { matches: { id: string }[] }[] } }>(undefined, `query($t: ID!) { tournament(id: $t) { bracket { matches { id } } } }`, { t: cup.id });
      await must(await gameServer(), `mutation($input: ReportMatchResultInput!) { reportMatchResult(input: $input) { match { id } } }`, {
        input: { matchId: bracket.tournament.bracket[0]!.matches[0]!.id, winnerId: winner.id },
      });
    }
    const places = async () => (await topOf(board.id)).edges.map((e) => [e.node.rank, e.node.score, e.node.player.id]);
    await playCup(ana!);
    await expect.poll(places, { timeout: 15_000, interval: 200 }).toEqual([[1, 1, ana!.id], [2, 2, ben!.id]]);
    await playCup(ben!);
    // ben's win reaches 1 after ana's: ana, who got there first, stays ahead; ana's 2nd place is no better than her 1st.
    await expect.poll(places, { timeout: 15_000, interval: 200 }).toEqual([[1, 1, ana!.id], [2, 1, ben!.id]]);
    expect(await rankOf(board.id, ana!.id)).toMatchObject({ score: 1, submissions: 2 });
  });
});
