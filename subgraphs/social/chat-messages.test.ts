import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { liveChannel } from '../../platform/live.js';
import { encodeCursor } from '../../platform/pagination.js';
import type { RedisPort } from '../../platform/redis/index.js';
import { newTestRedis, openTestDatabase, subgraphClient, recordingPrisma, recordingSql } from '../../platform/testing.js';
import type { Context } from './context.js';
import type { MessageAddedEvent } from './contracts/live.js';
import { socialSubgraph } from './subgraph.js';

let db: Database;
const redis = newTestRedis();
let social: ReturnType<typeof socialSubgraph.create>;
let client: ReturnType<typeof subgraphClient<Context>>;

beforeAll(async () => {
  db = await openTestDatabase();
  // Many sends from one player in a row: the 3-per-second limit has its own tests.
  social = socialSubgraph.create({ db, redis, config: { SOCIAL_CHAT_MESSAGES_PER_SECOND: 1_000 } });
  client = subgraphClient(social);
  await client.server.start();
}, 60_000);
afterAll(async () => {
  await client?.server.stop();
  await db?.close();
});

const player = (): Viewer => ({ userId: randomUUID(), role: 'PLAYER' });

/** Scenario: a room of its own (the database may be shared), so counts and pages are exact. */
async function room(kind: 'GLOBAL' | 'PARTY' = 'GLOBAL') {
  return db.prisma.chatRoom.create({ data: { name: `room_${randomUUID().slice(0, 8)}`, kind, maxMembers: 100 } });
}

type Message = { id: string; cursor: string; text: string; sentAt: string; author: { id: string }; room: { id: string; name: string } };
const SEND = `mutation($input: SendMessageInput!) {
  sendMessage(input: $input) { message { id cursor text sentAt author { id } room { id name } } }
}`;
const send = (viewer: Viewer, roomId: string, text: string) =>
  client.execute<{ sendMessage: { message: Message } }>(viewer, SEND, { input: { roomId, text } });
async function sent(viewer: Viewer, roomId: string, text: string): Promise<Message> {
  const result = await send(viewer, roomId, text);
  expect(result.errors).toBeUndefined();
  return result.data!.sendMessage.message;
}

type Page = {
  edges: { cursor: string; node: { cursor: string; text: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};
const MESSAGES = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  chatRoom(id: $id) { messages(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { cursor text } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }
}`;
const messages = (variables: Record<string, unknown>) =>
  client.execute<{ chatRoom: { messages: Page } }>(ANONYMOUS, MESSAGES, variables);
async function page(variables: Record<string, unknown>) {
  const result = await messages(variables);
  expect(result.errors).toBeUndefined();
  return result.data!.chatRoom.messages;
}
const texts = (p: Page) => p.edges.map((e) => e.node.text);

describe('social subgraph: sending messages', () => {
  it('stores the trimmed text, answers with the message, and publishes it to the room', async () => {
    const { id: roomId, name } = await room();
    const events: MessageAddedEvent[] = [];
    const unsubscribe = await redis.subscribe(liveChannel('social', 'messageAdded', roomId), (m) => void events.push(JSON.parse(m) as MessageAddedEvent));
    const author = player();
    const message = await sent(author, roomId, '  hello there  ');
    await unsubscribe();

    expect(message).toEqual({
      id: expect.any(String),
      cursor: expect.any(String),
      text: 'hello there',
      sentAt: expect.stringMatching(/Z$/),
      author: { id: author.userId },
      room: { id: roomId, name },
    });
    const stored = await db.prisma.chatMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored).toMatchObject({ roomId, authorId: author.userId, text: 'hello there' });
    expect(stored.sentAt.toISOString()).toBe(message.sentAt);
    expect(events).toEqual([
      // The room's first message, whole: nothing before it.
      expect.objectContaining({ seq: { $bigint: stored.seq.toString() }, id: message.id, roomId, authorId: author.userId, kind: 'PLAYER', text: 'hello there', sentAt: message.sentAt, previous: null }),
    ]);
  });

  it.each([
    ['a signed-out player', ANONYMOUS, 'hi', 'GLOBAL', 'UNAUTHENTICATED', undefined],
    ['an empty text', player(), '   ', 'GLOBAL', 'BAD_USER_INPUT', 'text'],
    ['a 2,001-character text', player(), 'x'.repeat(2_001), 'GLOBAL', 'BAD_USER_INPUT', 'text'],
    // A party the player is not in looks like no room at all.
    ['a PARTY room of others', player(), 'hi', 'PARTY', 'NOT_FOUND', undefined],
  ] as const)('refuses %s with %s and stores nothing', async (_case, viewer, text, kind, code, field) => {
    const { id: roomId } = await room(kind);
    const result = await send(viewer, roomId, text);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await db.prisma.chatMessage.count({ where: { roomId } })).toBe(0);
  });

  it('answers NOT_FOUND for unknown and malformed room ids', async () => {
    for (const roomId of [randomUUID(), 'not-a-uuid']) {
      const result = await send(player(), roomId, 'hi');
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'ChatRoom', id: roomId });
    }
  });

  it('publishes each of many concurrent sends once, naming the position before it, so resuming subscribers lose nothing', async () => {
    const { id: roomId } = await room();
    const published: { seq: bigint; previous: bigint | null }[] = [];
    const unsubscribe = await redis.subscribe(liveChannel('social', 'messageAdded', roomId), (m) => {
      const event = JSON.parse(m) as { seq: { $bigint: string }; previous: { $bigint: string } | null };
      published.push({ seq: BigInt(event.seq.$bigint), previous: event.previous && BigInt(event.previous.$bigint) });
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => sent(player(), roomId, `m${i}`)));
    await unsubscribe();
    const stored = await db.prisma.chatMessage.findMany({ where: { roomId }, orderBy: { seq: 'asc' } });
    expect(stored).toHaveLength(20);
    // Publishes go out after each commit, in either order; each names its predecessor, so the
    // events form the room's whole history as stored, with no gap a subscriber could miss.
    expect([...published].sort((a, b) => (a.seq < b.seq ? -1 : 1))).toEqual(
      stored.map((m, i) => ({ seq: m.seq, previous: i === 0 ? null : stored[i - 1]!.seq })),
    );
    expect((await db.prisma.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).lastSeq).toBe(stored.at(-1)!.seq);
  });
});


  it('stores one message for concurrent retries of a send, and refuses only the send that reuses a key for other text', async () => {
    const { id: roomId } = await room();
    const ana = player();
    const bob = player();
    const withKey = (viewer: Viewer, text: string, clientMessageId: string) =>
      client.execute<{ sendMessage: { message: Message } }>(viewer, SEND, { input: { roomId, text, clientMessageId } });
    // Sent together, they commit in one group: the duplicates must neither double-store nor fail the others.
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => withKey(ana, 'hello', 'ana-1')),
      withKey(ana, 'something else', 'ana-1'),
      withKey(bob, 'hi ana', 'bob-1'),
    ]);
    const ids = results.slice(0, 5).map((r) => r.data?.sendMessage.message.id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toEqual(expect.any(String));
    expect(results[5]!.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'clientMessageId' });
    expect(results[6]!.errors).toBeUndefined();
    const stored = await db.prisma.chatMessage.findMany({ where: { roomId }, orderBy: { seq: 'asc' } });
    expect(stored.map((m) => m.text).sort()).toEqual(['hello', 'hi ana']);
    expect((await db.prisma.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).lastSeq).toBe(stored.at(-1)!.seq);
  });
describe('social subgraph: concurrent sends with retries', () => {
  type Sent = { data?: { sendMessage: { message: Message } } | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
  /**
   * Scenario: a social subgraph with the brief's rate limit (3 a second) whose statements are
   * recorded (the SQL port's and the units of work's), a room of its own, and two players.
   */
  async function recordedSends(run: (scenario: { operations: string[]; ana: Viewer; ben: Viewer; withKey: (viewer: Viewer, text: string, clientMessageId: string) => Promise<Sent> }) => Promise<void>) {
    const operations: string[] = [];
    const recorded = { ...db, sql: recordingSql(db.sql, operations), transaction: ((fn, options) => db.transaction((sql) => fn(recordingSql(sql, operations)), options)) as Database['transaction'] };
    const counted = subgraphClient(socialSubgraph.create({ db: recorded, redis }));
    await counted.server.start();
    try {
      const { id: roomId } = await room();
      const withKey = (viewer: Viewer, text: string, clientMessageId: string) =>
        counted.execute<{ sendMessage: { message: Message } }>(viewer, SEND, { input: { roomId, text, clientMessageId } });
      await run({ operations, ana: player(), ben: player(), withKey });
      expect(await db.prisma.chatMessage.count({ where: { roomId, clientMessageId: 'ana-1' } })).toBe(1);
    } finally {
      await counted.server.stop();
    }
  }

  it('looks the keys of concurrent sends up together and answers the retries without spending rate points', () =>
    recordedSends(async ({ operations, ana, ben, withKey }) => {
      const outcome = (r: Awaited<ReturnType<typeof withKey>>) => r.data?.sendMessage.message.text ?? r.errors?.[0]?.extensions?.code;
      const first = await withKey(ana, 'one', 'ana-1');
      expect(first.errors).toBeUndefined();
      operations.length = 0;
      // Sent together: two retries of ana-1, a reuse of it for other text, and new messages:
      // ana's three messages are all she may send in a second, so a retry that took a point would refuse one.
      const burst = await Promise.all([
        withKey(ana, 'one', 'ana-1'),
        withKey(ana, 'one', 'ana-1'),
        withKey(ana, 'other', 'ana-1'),
        withKey(ana, 'two', 'ana-2'),
        withKey(ana, 'three', 'ana-3'),
        withKey(ben, 'hi', 'ben-1'),
      ]);
      expect(burst.map(outcome)).toEqual(['one', 'one', 'CONFLICT', 'two', 'three', 'hi']);
      expect(burst[0].data!.sendMessage.message.id).toBe(first.data!.sendMessage.message.id);
      expect(burst[1].data!.sendMessage.message.id).toBe(first.data!.sendMessage.message.id);
      // The keys: one lookup for the sends that arrive while another runs, not one per send. The
      // burst's first send is looked up alone (nothing was in flight) while the other five gather.
      expect(operations.filter((op) => op.startsWith('$sql:SELECT m.seq')).length).toBeLessThanOrEqual(2);
      // Past the limit (four new ones at once: one at least is refused), a retry is still answered.
      const past = await Promise.all([...[4, 5, 6, 7].map((n) => withKey(ana, `m${n}`, `ana-${n}`)), withKey(ana, 'one', 'ana-1')]);
      expect(past.slice(0, 4).map(outcome)).toContain('RATE_LIMITED');
      expect(past[4]!.data?.sendMessage.message.id).toBe(first.data!.sendMessage.message.id);
    }));

  it("takes a send's rate point once when its room group fails and is committed again one send at a time", () =>
    recordedSends(async ({ operations, ana, ben, withKey }) => {
      // Ben's send holds the room's lane; ana's three gather behind it into one group, whose insert
      // fails on her duplicate key: each is then committed alone. Three points are all she has.
      const [, first, twin, other] = await Promise.all([withKey(ben, 'hi', 'ben-1'), withKey(ana, 'once', 'ana-1'), withKey(ana, 'once', 'ana-1'), withKey(ana, 'other', 'ana-2')]);
      const inserts = operations.filter((op) => op === '$sql:WITH input AS (').length;
      expect(inserts, "ben, the failed group of three, then ana's sends alone").toBeGreaterThanOrEqual(4);
      expect([first, twin, other].map((r) => r.errors?.[0]?.extensions?.code)).toEqual([undefined, undefined, undefined]);
      expect(twin.data!.sendMessage.message.id).toBe(first.data!.sendMessage.message.id);
    }));
});

describe('social subgraph: refused sends and the rate limit', () => {
  it('gives a refused send its rate point back: a muted player is answered MUTED every time, and may still send elsewhere', async () => {
    // The brief's limit, 3 messages a second, on a subgraph of its own.
    const limited = subgraphClient(socialSubgraph.create({ db, redis }));
    await limited.server.start();
    try {
      const [{ id: muted }, { id: open }] = [await room(), await room()];
      const ana = player();
      await db.prisma.chatMute.create({ data: { roomId: muted, userId: ana.userId!, mutedBy: randomUUID(), until: new Date(Date.now() + 600_000) } });
      const attempt = (roomId: string, text: string) => limited.execute<{ sendMessage: { message: Message } }>(ana, SEND, { input: { roomId, text } });
      const refusals = [];
      for (let i = 0; i < 5; i++) refusals.push((await attempt(muted, `let me talk ${i}`)).errors?.[0]?.extensions);
      expect(refusals.map((e) => [e?.code, e?.reason])).toEqual(Array.from({ length: 5 }, () => ['FORBIDDEN', 'MUTED']));
      // Messages keep their points: of four at once, three go through and one is refused.
      const sent = await Promise.all([1, 2, 3, 4].map((n) => attempt(open, `elsewhere ${n}`)));
      expect(sent.map((r) => r.errors?.[0]?.extensions?.reason ?? 'sent').sort()).toEqual(['RATE', 'sent', 'sent', 'sent']);
    } finally {
      await limited.server.stop();
    }
  });
});

describe('social subgraph: reading a room', () => {
  it('pages forward and backward, newest last, with correct pageInfo', async () => {
    const { id } = await room();
    const author = player();
    const all: Message[] = [];
    for (const text of ['m0', 'm1', 'm2', 'm3', 'm4']) all.push(await sent(author, id, text));

    const first = await page({ id, first: 2 });
    expect(texts(first)).toEqual(['m0', 'm1']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: all[0]!.cursor, endCursor: all[1]!.cursor });
    expect(first.edges.every((e) => e.cursor === e.node.cursor)).toBe(true);
    const second = await page({ id, first: 2, after: first.pageInfo.endCursor });
    expect(texts(second)).toEqual(['m2', 'm3']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const third = await page({ id, first: 2, after: second.pageInfo.endCursor });
    expect(texts(third)).toEqual(['m4']);
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const latest = await page({ id, last: 2 });
    expect(texts(latest)).toEqual(['m3', 'm4']);
    expect(latest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const earlier = await page({ id, last: 2, before: latest.pageInfo.startCursor });
    expect(texts(earlier)).toEqual(['m1', 'm2']);
    const earliest = await page({ id, last: 2, before: earlier.pageInfo.startCursor });
    expect(texts(earliest)).toEqual(['m0']);
    expect(earliest.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    // A message's own cursor works as a page cursor.
    expect(texts(await page({ id, first: 10, after: all[2]!.cursor }))).toEqual(['m3', 'm4']);
    expect(texts(await page({ id: (await room()).id, last: 5 }))).toEqual([]);
  });

  it.each([
    ['after', { first: 2, after: 'not-a-cursor' }],
    ['after', { first: 2, after: encodeCursor(42) }],
    ['after', { first: 2, after: encodeCursor({ createdAt: new Date().toISOString(), id: randomUUID() }) }],
    ['before', { last: 2, before: encodeCursor('-3') }],
    ['first', { first: 101 }],
  ])('refuses a bad %s (%j) with BAD_USER_INPUT', async (field, variables) => {
    const { id } = await room();
    const result = await messages({ id, ...variables });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it("hides a party room and its messages from outsiders: chatRoom answers null, as for an unknown id", async () => {
    const { id } = await room('PARTY');
    const result = await messages({ id, last: 5 });
    expect(result).toEqual({ data: { chatRoom: null } });
  });

  it("reads the latest messages of many rooms in one query", async () => {
    const rooms = await Promise.all([1, 2, 3].map(() => room()));
    for (const [i, r] of rooms.entries()) for (let n = 0; n <= i + 1; n++) await sent(player(), r.id, `${r.name}:${n}`);
    const operations: string[] = [];
    const counted = recordingPrisma(db.prisma, operations);
    const countedClient = subgraphClient(socialSubgraph.create({ db: { ...db, prisma: counted, sql: recordingSql(db.sql, operations) }, redis }));
    await countedClient.server.start();
    try {
      const result = await countedClient.execute<{ _entities: { messages: Page }[] }>(
        ANONYMOUS,
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on ChatRoom { messages(last: 2) { edges { node { text } } } } } }`,
        { reps: rooms.map((r) => ({ __typename: 'ChatRoom', id: r.id })) },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.map((r) => texts(r.messages))).toEqual(
        rooms.map((r, i) => [`${r.name}:${i}`, `${r.name}:${i + 1}`]),
      );
      // The rooms (ChatRoomsStore.findByIds) and every room's page (ChatMessagesStore.pages): one statement each on the raw SQL port.
      expect(operations.sort()).toEqual([
        '$sql:SELECT id::text AS id, name, kind::text AS kind, description, max_members AS "maxMembers",',
        '$sql:SELECT m.seq, m.id::text AS id, m.room_id::text AS "roomId", m.author_id::text AS "authorId",',
      ]);
    } finally {
      await countedClient.server.stop();
    }
  });
});

describe('social subgraph: messageAdded', () => {
  const take = async (stream: AsyncIterableIterator<MessageAddedEvent>, n: number) => {
    const out: string[] = [];
    while (out.length < n) out.push(((await stream.next()).value as MessageAddedEvent).text);
    return out;
  };
  const refusal = async (start: () => Promise<unknown>) => {
    try {
      await start();
    } catch (error) {
      return { code: (error as DomainError).code, ...(error as DomainError).details };
    }
    return null;
  };

  it('replays what was stored after the cursor, then goes live, without repeats', async () => {
    const { id } = await room();
    const m1 = await sent(player(), id, 'm1');
    await sent(player(), id, 'm2');
    await sent(player(), id, 'm3');
    const { chatMessages } = social.createContext(ANONYMOUS);
    const stream = await chatMessages.messagesAdded(ANONYMOUS, id, m1.cursor);
    expect(await take(stream, 2)).toEqual(['m2', 'm3']);
    await sent(player(), id, 'm4');
    expect(await take(stream, 1)).toEqual(['m4']);
    await stream.return?.();

    const live = await chatMessages.messagesAdded(ANONYMOUS, id);
    const next = live.next();
    await expect.poll(() => redis.numsub(liveChannel('social', 'messageAdded', id)), { timeout: 10_000 }).toBe(1);
    await sent(player(), id, 'm5');
    expect((await next).value).toMatchObject({ text: 'm5', roomId: id });
    await live.return?.();
  });

  it('refuses unknown and restricted rooms (followed per viewer with chatRoomEvents) and malformed cursors', async () => {
    const { chatMessages } = social.createContext(ANONYMOUS);
    const global = await room();
    const party = await room('PARTY');
    expect(await refusal(() => chatMessages.messagesAdded(ANONYMOUS, randomUUID()))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(() => chatMessages.messagesAdded(ANONYMOUS, 'nope'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(() => chatMessages.messagesAdded(ANONYMOUS, party.id))).toMatchObject({ code: 'NOT_FOUND' });
    for (const after of ['%%%', encodeCursor(7), encodeCursor('x')]) {
      expect(await refusal(() => chatMessages.messagesAdded(ANONYMOUS, global.id, after))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });
});

describe('social subgraph: chat.message_sent events', () => {
  const eventsOfRoom = (roomId: string) =>
    db.prisma.outboxEvent.findMany({ where: { type: 'chat.message_sent', payload: { path: ['roomId'], equals: roomId } } });

  it('records exactly one chat.message_sent event, from social, in the same transaction as the message', async () => {
    const { id: roomId } = await room();
    const author = player();
    const message = await sent(author, roomId, 'hello events');
    const events = await eventsOfRoom(roomId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ producer: 'social', type: 'chat.message_sent' });
    expect(events[0]!.payload).toEqual({ messageId: message.id, roomId, authorId: author.userId, sentAt: message.sentAt });
  });

  it.each([
    ['an empty text', 'GLOBAL', '   '],
    ['a PARTY room', 'PARTY', 'hi'],
  ] as const)('records no event for a message refused for %s', async (_case, kind, text) => {
    const { id: roomId } = await room(kind);
    const result = await send(player(), roomId, text);
    expect(result.errors).toBeDefined();
    expect(await eventsOfRoom(roomId)).toEqual([]);
  });
});

describe('social subgraph: messageAdded goes out only after its commit', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Reads a stream as a subscriber would, from now on: the texts it was sent, in order. */
  const subscriber = async (stream: AsyncIterableIterator<MessageAddedEvent>, roomId: string) => {
    const texts: string[] = [];
    const reading = (async () => {
      for await (const event of stream) texts.push(event.text);
    })();
    await expect.poll(() => redis.numsub(liveChannel('social', 'messageAdded', roomId)), { timeout: 10_000 }).toBe(1);
    return {
      texts,
      /** Waits for `n` texts, then a while longer, so a late or repeated one would show. */
      async received(n: number) {
        await expect.poll(() => texts.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(n);
        await sleep(200);
        return texts;
      },
      async stop() {
        await stream.return?.();
        await reading;
      },
    };
  };
  /** The test Redis, with each publish of this subgraph delayed or dropped as `publish` decides. */
  const redisWhere = (publish: (channel: string, message: string, send: () => Promise<void>) => Promise<void>): RedisPort =>
    new Proxy(redis, {
      get(target, key) {
        if (key === 'publish') return (channel: string, message: string) => publish(channel, message, () => target.publish(channel, message));
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });

  // On both databases (the embedded one through platform/db/pglite-adapter.ts, which keeps COMMIT's errors).
  it('never publishes a message whose commit fails after its insert', async () => {
    const { id: roomId } = await room();
    // A check PostgreSQL runs at COMMIT (a deferred constraint trigger): the insert, the room's
    // position and the event all succeed inside the transaction, then the commit itself fails.
    const tag = randomUUID().replaceAll('-', '');
    const poisoned = `refused at commit ${tag}`;
    await db.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_at_commit_${tag}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.text = '${poisoned}' THEN RAISE EXCEPTION 'refused at commit'; END IF;
        RETURN NULL;
      END $$`);
    await db.prisma.$executeRawUnsafe(`CREATE CONSTRAINT TRIGGER refuse_at_commit_${tag} AFTER INSERT ON chat_messages
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit_${tag}()`);
    try {
      const everything: string[] = [];
      const unsubscribe = await redis.subscribe(liveChannel('social', 'messageAdded', roomId), (m) => void everything.push((JSON.parse(m) as MessageAddedEvent).text));
      const { chatMessages } = social.createContext(ANONYMOUS);
      const listening = await subscriber(await chatMessages.messagesAdded(ANONYMOUS, roomId), roomId);
      const author = player();

      const refused = await send(author, roomId, poisoned);
      expect(refused).toMatchObject({ data: null, errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      const good = await sent(author, roomId, 'kept');

      expect(await listening.received(1)).toEqual(['kept']);
      await listening.stop();
      await unsubscribe();
      expect(everything).toEqual(['kept']);
      const stored = await db.prisma.chatMessage.findMany({ where: { roomId } });
      expect(stored.map((m) => m.id)).toEqual([good.id]);
      // Rolled back with the message: the room's position and the domain event.
      expect((await db.prisma.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).lastSeq).toBe(stored[0]!.seq);
      const events = await db.prisma.outboxEvent.findMany({ where: { type: 'chat.message_sent', payload: { path: ['roomId'], equals: roomId } } });
      expect(events.map((e) => (e.payload as { messageId: string }).messageId)).toEqual([good.id]);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_at_commit_${tag} ON chat_messages`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_at_commit_${tag}()`);
    }
  });

  it('sends concurrent senders\' messages to resuming and live subscribers exactly once, in order, whatever order they publish in', async () => {
    const { id: roomId } = await room();
    // Each publish waits a random while after its commit, so later commits often publish first.
    // Two replicas: one replica's sends to a room commit in groups and publish in order, so only
    // sends through different replicas can publish out of order.
    const publishedTexts: string[] = [];
    const redis = redisWhere(async (channel, message, publish) => {
      await sleep(Math.random() * 30);
      if (channel === liveChannel('social', 'messageAdded', roomId)) publishedTexts.push((JSON.parse(message) as MessageAddedEvent).text);
      await publish();
    });
    const replicas = [socialSubgraph.create({ db, redis }), socialSubgraph.create({ db, redis })].map((r) => r.createContext(ANONYMOUS).chatMessages);
    const chatMessages = replicas[0]!;
    const first = await chatMessages.sendMessage(player(), { roomId, text: 'm0' });
    const resuming = await subscriber(await chatMessages.messagesAdded(ANONYMOUS, roomId, encodeCursor(first.seq.toString())), roomId);
    const live = await subscriber(await chatMessages.messagesAdded(ANONYMOUS, roomId), roomId);

    const sends = Array.from({ length: 30 }, (_, i) => `m${i + 1}`);
    await Promise.all(sends.map((text, i) => replicas[i % 2]!.sendMessage(player(), { roomId, text })));
    const stored = (await db.prisma.chatMessage.findMany({ where: { roomId }, orderBy: { seq: 'asc' } })).map((m) => m.text);
    expect(stored).toHaveLength(31);
    // The case under test happened: some commit published before an earlier one.
    expect(publishedTexts.slice(1)).not.toEqual(stored.slice(1));
    for (const listening of [resuming, live]) {
      expect(await listening.received(30)).toEqual(stored.slice(1));
      await listening.stop();
    }
  });

  it('reads a message whose publish was lost from storage when the next one arrives, and sends both in order', async () => {
    const { id: roomId } = await room();
    const lossy = socialSubgraph.create({
      db,
      redis: redisWhere((_channel, message, publish) => ((JSON.parse(message) as MessageAddedEvent).text === 'lost' ? Promise.resolve() : publish())),
    });
    const { chatMessages } = lossy.createContext(ANONYMOUS);
    const author = player();
    const send = (text: string) => chatMessages.sendMessage(author, { roomId, text });
    await send('before');
    const listening = await subscriber(await chatMessages.messagesAdded(ANONYMOUS, roomId), roomId);
    await send('lost');
    await send('after');
    expect(await listening.received(2)).toEqual(['lost', 'after']);
    await listening.stop();
  });
});
