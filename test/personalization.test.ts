// Personalization through the gateway, as a game studio uses it: players report quests through
// trackEvents, the model retrains in the background, and each player asks what to play next.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { signInAsAdmin } from './support/game-server.js';
import { gqlData, gqlRefusal, platformPerFile, registerPlayer } from './support/platform.js';

let platform: RunningPlatform;
let url = '';
// The model retrains every 300 ms here (15 minutes by default), and replicas look for it on every request.
platformPerFile({ ANALYTICS_RECOMMENDER_TRAIN_INTERVAL_MS: '300', ANALYTICS_RECOMMENDER_REFRESH_MS: '0' }, (p) => {
  platform = p;
  url = p.gateway.url;
});
let admin = '';
beforeAll(async () => {
  admin = await signInAsAdmin(platform, url);
}, 60_000);

const MIN = 60_000;
const TRACK = `mutation($events: [TrackedEventInput!]!) { trackEvents(input: { events: $events }) { accepted rejected { reason } } }`;
const EXPERIENCE = `query($userId: ID) {
  personalizedExperience(userId: $userId, quests: 3) {
    userId newPlayer difficultyAdjustment uiHints
    recommendedQuests { quest { id name difficulty } basis }
    personalizedRewards { quest { id } coins multiplier }
    model { trainedAt players }
  }
}`;
interface Experience {
  userId: string;
  newPlayer: boolean;
  difficultyAdjustment: number;
  uiHints: string[];
  recommendedQuests: { quest: { id: string; name: string; difficulty: number }; basis: string }[];
  personalizedRewards: { quest: { id: string }; coins: number; multiplier: number }[];
  model: { trainedAt: string; players: number } | null;
}

const questEvents = (questId: string, agoMs: number) => [
  { eventId: randomUUID(), sessionId: 'play', eventType: 'QUEST_STARTED', properties: { questId }, timestamp: new Date(Date.now() - agoMs - MIN).toISOString() },
  { eventId: randomUUID(), sessionId: 'play', eventType: 'QUEST_COMPLETED', properties: { questId, characterId: 'monk' }, timestamp: new Date(Date.now() - agoMs).toISOString() },
];

async function completes(token: string, ...quests: string[]) {
  const { trackEvents } = await gqlData<{ trackEvents: { accepted: number; rejected: unknown[] } }>(
    url,
    TRACK,
    { events: quests.flatMap((q, i) => questEvents(q, (quests.length - i) * 10 * MIN)) },
    token,
  );
  expect(trackEvents).toEqual({ accepted: 2 * quests.length, rejected: [] });
}

describe('personalizedExperience through the gateway', () => {
  it('recommends what players with the same quests went on to play, once the model has retrained on their events', async () => {
    // Four players complete Misty Marsh and then Rune Stones; then a fifth completes Misty Marsh.
    const others = await Promise.all(Array.from({ length: 4 }, () => registerPlayer(url)));
    for (const other of others) await completes(other.token, 'misty-marsh', 'rune-stones');
    const me = await registerPlayer(url);
    await completes(me.token, 'misty-marsh');
    const asked = Date.now();

    let x: Experience | undefined;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      x = (await gqlData<{ personalizedExperience: Experience }>(url, EXPERIENCE, {}, me.token)).personalizedExperience;
      if (x.model && Date.parse(x.model.trainedAt) > asked && x.recommendedQuests[0]?.quest.id === 'rune-stones') break;
    }
    expect(x!.userId).toBe(me.id);
    expect(x!.recommendedQuests[0]).toMatchObject({ quest: { id: 'rune-stones', name: 'Rune Stones' }, basis: 'COLLABORATIVE' });
    expect(x!.recommendedQuests.map((r) => r.quest.id)).not.toContain('misty-marsh');
    expect(x!.recommendedQuests).toHaveLength(3);
    // A new player: difficulty at least 0.3 and no quest above 0.5.
    expect(x!.newPlayer).toBe(true);
    expect(x!.difficultyAdjustment).toBeGreaterThanOrEqual(0.3);
    expect(x!.recommendedQuests.every((r) => r.quest.difficulty <= 0.5)).toBe(true);
    expect(x!.personalizedRewards.map((r) => [r.quest.id, r.multiplier])).toEqual(x!.recommendedQuests.map((r) => [r.quest.id, 1]));
    expect(x!.uiHints).toContain('ONBOARDING_TIPS');

    // An admin reads the same player's experience; the player cannot read another's.
    const read = await gqlData<{ personalizedExperience: Experience }>(url, EXPERIENCE, { userId: me.id }, admin);
    expect(read.personalizedExperience.userId).toBe(me.id);
    expect(await gqlRefusal(url, EXPERIENCE, { userId: others[0]!.id }, me.token)).toMatchObject({ code: 'FORBIDDEN' });
  }, 90_000);

  it('refuses anonymous callers', async () => {
    expect(await gqlRefusal(url, EXPERIENCE)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
