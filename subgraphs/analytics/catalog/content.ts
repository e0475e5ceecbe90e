/**
 * The game's content as personalization knows it: quests (difficulty 0 easiest – 1 hardest, with
 * the rewards a completion pays) and playable characters. Shipped with the code: a quest added
 * here is recommendable from the next deploy on, and its history counts from the first event
 * (interactions are stored for any well-formed id, domain/interactions.ts).
 */
export interface CatalogQuest {
  id: string;
  name: string;
  /** 0 (easiest) to 1 (hardest). */
  difficulty: number;
  theme: QuestTheme;
  /** What completing it pays before any personal bonus. */
  reward: { coins: number; xp: number };
}

export type QuestTheme = 'COMBAT' | 'EXPLORATION' | 'PUZZLE' | 'SOCIAL';

export interface CatalogCharacter {
  id: string;
  name: string;
  role: CharacterRole;
}

export type CharacterRole = 'TANK' | 'FIGHTER' | 'MAGE' | 'SUPPORT' | 'SCOUT';

const quest = (id: string, name: string, theme: QuestTheme, difficulty: number): CatalogQuest => ({
  id,
  name,
  theme,
  difficulty,
  // Harder quests pay more: 50 coins at difficulty 0 up to 500 at 1, in steps of 10.
  reward: { coins: Math.round((50 + 450 * difficulty) / 10) * 10, xp: Math.round((20 + 180 * difficulty) / 5) * 5 },
});

export const QUESTS: readonly CatalogQuest[] = [
  quest('training-grounds', 'Training Grounds', 'COMBAT', 0.1),
  quest('goblin-camp', 'Goblin Camp', 'COMBAT', 0.2),
  quest('bandit-ambush', 'Bandit Ambush', 'COMBAT', 0.3),
  quest('wolf-den', 'The Wolf Den', 'COMBAT', 0.35),
  quest('bridge-siege', 'Siege of the Bridge', 'COMBAT', 0.45),
  quest('ogre-chieftain', 'The Ogre Chieftain', 'COMBAT', 0.55),
  quest('undead-crypt', 'Crypt of the Restless', 'COMBAT', 0.65),
  quest('arena-champion', 'Arena Champion', 'COMBAT', 0.75),
  quest('dragon-lair', "The Dragon's Lair", 'COMBAT', 0.9),
  quest('titan-fall', 'Titanfall', 'COMBAT', 0.95),
  quest('village-errands', 'Village Errands', 'EXPLORATION', 0.1),
  quest('lost-caravan', 'The Lost Caravan', 'EXPLORATION', 0.2),
  quest('misty-marsh', 'Misty Marsh', 'EXPLORATION', 0.3),
  quest('sunken-ruins', 'Sunken Ruins', 'EXPLORATION', 0.4),
  quest('sky-islands', 'Sky Islands', 'EXPLORATION', 0.5),
  quest('frozen-pass', 'The Frozen Pass', 'EXPLORATION', 0.6),
  quest('desert-mirage', 'Desert Mirage', 'EXPLORATION', 0.7),
  quest('volcano-depths', 'Volcano Depths', 'EXPLORATION', 0.8),
  quest('edge-of-map', 'The Edge of the Map', 'EXPLORATION', 0.9),
  quest('void-walk', 'Void Walk', 'EXPLORATION', 1),
  quest('rune-stones', 'Rune Stones', 'PUZZLE', 0.15),
  quest('clockwork-door', 'The Clockwork Door', 'PUZZLE', 0.25),
  quest('mirror-maze', 'Mirror Maze', 'PUZZLE', 0.35),
  quest('alchemy-trial', 'Alchemy Trial', 'PUZZLE', 0.45),
  quest('star-chart', 'The Star Chart', 'PUZZLE', 0.5),
  quest('cipher-vault', 'Cipher Vault', 'PUZZLE', 0.6),
  quest('golem-logic', 'Golem Logic', 'PUZZLE', 0.7),
  quest('time-lock', 'Time Lock', 'PUZZLE', 0.8),
  quest('oracle-riddles', "The Oracle's Riddles", 'PUZZLE', 0.85),
  quest('infinite-library', 'The Infinite Library', 'PUZZLE', 0.95),
  quest('tavern-tales', 'Tavern Tales', 'SOCIAL', 0.05),
  quest('harvest-festival', 'Harvest Festival', 'SOCIAL', 0.15),
  quest('merchant-guild', "The Merchants' Guild", 'SOCIAL', 0.25),
  quest('royal-ball', 'The Royal Ball', 'SOCIAL', 0.35),
  quest('peace-treaty', 'The Peace Treaty', 'SOCIAL', 0.45),
  quest('guild-rally', 'Guild Rally', 'SOCIAL', 0.5),
  quest('spy-network', 'Spy Network', 'SOCIAL', 0.6),
  quest('council-vote', 'The Council Vote', 'SOCIAL', 0.7),
  quest('rebellion', 'Rebellion', 'SOCIAL', 0.8),
  quest('crown-heist', 'The Crown Heist', 'SOCIAL', 0.9),
];

export const CHARACTERS: readonly CatalogCharacter[] = [
  { id: 'knight', name: 'Knight', role: 'TANK' },
  { id: 'paladin', name: 'Paladin', role: 'TANK' },
  { id: 'berserker', name: 'Berserker', role: 'FIGHTER' },
  { id: 'duelist', name: 'Duelist', role: 'FIGHTER' },
  { id: 'monk', name: 'Monk', role: 'FIGHTER' },
  { id: 'pyromancer', name: 'Pyromancer', role: 'MAGE' },
  { id: 'frost-witch', name: 'Frost Witch', role: 'MAGE' },
  { id: 'necromancer', name: 'Necromancer', role: 'MAGE' },
  { id: 'cleric', name: 'Cleric', role: 'SUPPORT' },
  { id: 'bard', name: 'Bard', role: 'SUPPORT' },
  { id: 'ranger', name: 'Ranger', role: 'SCOUT' },
  { id: 'rogue', name: 'Rogue', role: 'SCOUT' },
];

/** The catalog the service recommends from (tests and the offline evaluation may pass their own). */
export interface ContentCatalog {
  quests: ReadonlyMap<string, CatalogQuest>;
  characters: ReadonlyMap<string, CatalogCharacter>;
}

export function contentCatalog(quests: readonly CatalogQuest[] = QUESTS, characters: readonly CatalogCharacter[] = CHARACTERS): ContentCatalog {
  return { quests: new Map(quests.map((q) => [q.id, q])), characters: new Map(characters.map((c) => [c.id, c])) };
}
