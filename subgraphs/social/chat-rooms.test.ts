import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { encodeCursor } from '../../platform/pagination.js';
import { newTestRedis, openTestDatabase, recordingPrisma, recordingSql, subgraphClient } from '../../platform/testing.js';
import type { Context } from './context.js';
import { socialSubgraph } from './subgraph.js';

// Rooms, membership and what they record, on the social subgraph alone (services and GraphQL,
// no gateway): the guild work's room methods, parties, read marks and unread counts, idempotent
// sends under concurrency, and the domain events each write records.

let db: Database;
const redis = newTestRedis();
let social: ReturnType<typeof socialSubgraph.create>;
let client: ReturnType<typeof subgraphClient<Context>>;

beforeAll(async () => {
  db = await openTestDatabase();
  social = socialSubgraph.create({ db, redis, config: { SOCIAL_CHAT_MESSAGES_PER_SECOND: 1_000 } });
  client = subgraphClient(social);
  await client.server.start();
}, 60_000);
afterAll(async () => {
  await client?.server.stop();
  await db?.close();
});

/** A player social has heard of (as if their registration came over the bus). */
async function player(): Promise<Viewer> {
  const userId = randomUUID();
  await db.prisma.chatPlayer.create({ data: { userId, displayName: `p_${userId.slice(0, 8)}` } });
  return { userId, role: 'PLAYER' };
}
const services = (viewer: Viewer) => social.createContext(viewer);
const failure = async (attempt: () => Promise<unknown>) => {
  try {
    await attempt();
  } catch (error) {
    return { code: (error as DomainError).code, ...(error as DomainError).details };
  }
  return null;
};
const eventsOf = (type: string, roomId: string) =>
  db.prisma.outboxEvent.findMany({ where: { type, payload: { path: ['roomId'], equals: roomId } }, orderBy: { seq: 'asc' } });

describe('social subgraph: guild rooms (called by the guild work inside its own unit of work)', () => {
  it('creates one room per guild with its founder, and adds and removes members in step with the guild', async () => {
    const guildId = randomUUID();
    const [founder, recruit] = [await player(), await player()];
    const { chatMembership, chatRooms } = services(founder);
    const work = social.kit.work;
    const room = await work.run((w) => chatMembership.createGuildRoom(w, { guildId, name: 'Night Owls', founderId: founder.userId!, maxMembers: 50 }));
    expect(room).toMatchObject({ kind: 'GUILD', guildId, name: 'Night Owls', maxMembers: 50 });
    const again = await work.run((w) => chatMembership.createGuildRoom(w, { guildId, name: 'Night Owls', founderId: founder.userId!, maxMembers: 50 }));
    expect(again.id).toBe(room.id);

    expect(await chatRooms.canRead(recruit, room.id)).toBe(false);
    expect(await work.run((w) => chatMembership.addGuildMember(w, { guildId, userId: recruit.userId! }))).toBe(true);
    expect(await work.run((w) => chatMembership.addGuildMember(w, { guildId, userId: recruit.userId! }))).toBe(false);
    expect(await chatRooms.canRead(recruit, room.id)).toBe(true);
    expect(await failure(() => services(recruit).chatMembership.leaveRoom(recruit, room.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await work.run((w) => chatMembership.removeGuildMember(w, { guildId, userId: recruit.userId! }))).toBe(true);
    expect(await chatRooms.canRead(recruit, room.id)).toBe(false);

    // A guild's work that rolls back takes the room's change with it.
    await expect(
      work.run(async (w) => {
        await chatMembership.addGuildMember(w, { guildId, userId: recruit.userId! });
        throw new Error('the guild write failed');
      }),
    ).rejects.toThrow('the guild write failed');
    expect(await chatRooms.canRead(recruit, room.id)).toBe(false);
    const joined = await eventsOf('chat.member_joined', room.id);
    expect(joined.map((e) => (e.payload as { userId: string }).userId)).toEqual([founder.userId, recruit.userId]);
    expect((await eventsOf('chat.member_left', room.id)).map((e) => (e.payload as { userId: string }).userId)).toEqual([recruit.userId]);
  });
});

describe('social subgraph: parties', () => {
  it('holds at most maxMembers, and passes ownership on when the owner leaves', async () => {
    const [owner, a, b] = [await player(), await player(), await player()];
    const { chatMembership } = services(owner);
    const room = await chatMembership.createParty(owner, { name: 'Duo', maxMembers: 2 });
    expect(await chatMembership.inviteToParty(owner, { roomId: room.id, userId: a.userId! })).toMatchObject({ added: true });
    expect(await failure(() => chatMembership.inviteToParty(owner, { roomId: room.id, userId: b.userId! }))).toMatchObject({ code: 'FORBIDDEN', reason: 'ROOM_FULL' });
    expect(await failure(() => chatMembership.createParty(owner, { name: 'Crowd', maxMembers: 9 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxMembers' });
    expect(await failure(() => chatMembership.kickFromParty(owner, { roomId: room.id, userId: owner.userId! }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });

    expect(await chatMembership.leaveRoom(owner, room.id)).toEqual({ roomId: room.id, left: true });
    const members = await db.prisma.chatRoomMember.findMany({ where: { roomId: room.id } });
    expect(members.map((m) => ({ userId: m.userId, role: m.role }))).toEqual([{ userId: a.userId, role: 'OWNER' }]);
    expect((await db.prisma.chatRoom.findUniqueOrThrow({ where: { id: room.id } })).memberCount).toBe(1);
    // The new owner manages it now; the old one sees nothing of it.
    expect(await chatMembership.inviteToParty(a, { roomId: room.id, userId: b.userId! })).toMatchObject({ added: true });
    expect(await failure(() => chatMembership.inviteToParty(owner, { roomId: room.id, userId: owner.userId! }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await failure(() => chatMembership.kickFromParty(owner, { roomId: room.id, userId: b.userId! }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('social subgraph: read marks and unread counts', () => {
  it("counts others' undeleted messages after the mark, moves the mark forward only, and sorts my rooms by activity", async () => {
    const [me, you] = [await player(), await player()];
    const { chatMembership, chatMessages, chatRooms } = services(me);
    const quiet = await chatMembership.createParty(me, { name: 'Quiet' });
    const busy = await chatMembership.createParty(me, { name: 'Busy' });
    for (const room of [quiet, busy]) await chatMembership.inviteToParty(me, { roomId: room.id, userId: you.userId! });
    const m1 = await chatMessages.sendMessage(you, { roomId: busy.id, text: 'one' });
    const m2 = await chatMessages.sendMessage(you, { roomId: busy.id, text: 'two' });
    await chatMessages.sendMessage(me, { roomId: busy.id, text: 'mine' });
    const m4 = await chatMessages.sendMessage(you, { roomId: busy.id, text: 'three' });
    await chatMessages.deleteMessage(you, { messageId: m4.id });

    const ME = `query($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { chatRooms { room { name } unreadCount lastMessage { text deletedAt } } } } }`;
    type Mine = { _entities: { chatRooms: { room: { name: string }; unreadCount: number; lastMessage: { text: string; deletedAt: string | null } | null }[] }[] };
    const mine = async () => (await client.execute<Mine>(me, ME, { id: me.userId })).data!._entities[0]!.chatRooms;
    expect(await mine()).toEqual([
      // Busy: "you joined" (the invite), "one", "two" ("mine" is mine, "three" is deleted).
      { room: { name: 'Busy' }, unreadCount: 3, lastMessage: { text: '', deletedAt: expect.any(String) } },
      { room: { name: 'Quiet' }, unreadCount: 1, lastMessage: { text: expect.stringMatching(/joined the room$/), deletedAt: null } },
    ]);
    expect((await chatMembership.markRead(me, { roomId: busy.id, upTo: encodeCursor(m1.seq.toString()) })).unreadCount).toBe(1);
    expect((await chatMembership.markRead(me, { roomId: busy.id, upTo: encodeCursor((m1.seq - 1n).toString()) })).member.lastReadSeq).toBe(m1.seq);
    expect((await chatMembership.markRead(me, { roomId: busy.id })).unreadCount).toBe(0);
    expect((await chatMembership.markRead(me, { roomId: busy.id, upTo: encodeCursor(m2.seq.toString()) })).member.lastReadSeq).toBeGreaterThan(m2.seq);
    expect(await failure(() => chatMembership.markRead(me, { roomId: busy.id, upTo: 'nope' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'upTo' });
    expect(await chatRooms.myRooms(you, me.userId!, 10)).toBeNull();
  });

  it('reads my rooms, their unread counts and newest messages in the same statements for 30 rooms as for 3', async () => {
    const statementsFor = async (rooms: number) => {
      const me = await player();
      const { chatMembership, chatMessages } = services(me);
      for (let i = 0; i < rooms; i++) {
        const room = await chatMembership.createParty(me, { name: `r${i}` });
        await chatMessages.sendMessage(me, { roomId: room.id, text: `hello ${i}` });
      }
      const operations: string[] = [];
      const counted = socialSubgraph.create({ db: { ...db, prisma: recordingPrisma(db.prisma, operations), sql: recordingSql(db.sql, operations) }, redis });
      const countedClient = subgraphClient(counted);
      await countedClient.server.start();
      try {
        const result = await countedClient.execute<{ _entities: { chatRooms: unknown[] }[] }>(
          me,
          `query($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { chatRooms(first: 100) { room { name members { role } viewerMembership { role } } unreadCount lastMessage { text } } } } }`,
          { id: me.userId },
        );
        expect(result.errors).toBeUndefined();
        expect(result.data!._entities[0]!.chatRooms).toHaveLength(rooms);
        return operations.sort();
      } finally {
        await countedClient.server.stop();
      }
    };
    expect(await statementsFor(30)).toEqual(await statementsFor(3));
  });
});

describe('social subgraph: sends under concurrency and their events', () => {
  it('stores one message for concurrent sends with the same clientMessageId, and answers each with it', async () => {
    const me = await player();
    const { chatMessages } = services(me);
    const roomId = (await db.prisma.chatRoom.create({ data: { name: `idem_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 100 } })).id;
    const clientMessageId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => chatMessages.sendMessage(me, { roomId, text: 'once', clientMessageId })));
    expect(new Set(answers.map((m) => m.id)).size).toBe(1);
    expect(await db.prisma.chatMessage.count({ where: { roomId } })).toBe(1);
    expect(await eventsOf('chat.message_sent', roomId)).toHaveLength(1);
  });

  it('records edits, deletions and reports for analytics and moderation, and nothing for what changed nothing', async () => {
    const [me, you] = [await player(), await player()];
    const { chatMessages, chatModeration } = services(me);
    const roomId = (await db.prisma.chatRoom.create({ data: { name: `ev_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 100 } })).id;
    const message = await chatMessages.sendMessage(me, { roomId, text: 'first' });
    await chatMessages.editMessage(me, { messageId: message.id, text: 'second' });
    await chatMessages.editMessage(me, { messageId: message.id, text: 'second' }); // the same text: nothing to record
    await chatModeration.reportMessage(you, { messageId: message.id, reason: 'spam' });
    await chatModeration.reportMessage(you, { messageId: message.id, reason: 'spam again' });
    await chatMessages.deleteMessage(me, { messageId: message.id });
    await chatMessages.deleteMessage(me, { messageId: message.id });
    expect((await eventsOf('chat.message_edited', roomId)).map((e) => e.payload)).toEqual([
      { messageId: message.id, roomId, authorId: me.userId, changedBy: me.userId, changedAt: expect.any(String) },
    ]);
    expect(await eventsOf('chat.message_deleted', roomId)).toHaveLength(1);
    expect((await eventsOf('chat.message_reported', roomId)).map((e) => e.payload)).toEqual([
      { reportId: expect.any(String), messageId: message.id, roomId, reporterId: you.userId, authorId: me.userId, reportedAt: expect.any(String) },
    ]);
    expect(await failure(() => chatMessages.editMessage(me, { messageId: message.id, text: 'third' }))).toMatchObject({ code: 'CONFLICT' });
  });
});
