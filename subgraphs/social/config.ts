import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';

export const socialEnv = z.object({
  SOCIAL_PORT: z.coerce.number().int().min(0).default(4003),
  /** How long a heartbeat keeps a player online in a room (ms); clients are told to heartbeat every third of it. */
  SOCIAL_PRESENCE_EXPIRY_MS: z.coerce.number().int().min(1_000).default(90_000),
  /** How often each replica tells rooms of expired presence (ms): how late an offline event may be. */
  SOCIAL_PRESENCE_SWEEP_MS: z.coerce.number().int().min(50).default(1_000),
  /** At most one typing event per player per room this often (ms). */
  SOCIAL_TYPING_THROTTLE_MS: z.coerce.number().int().min(100).default(3_000),
  /** How long a typing event shows the player typing (ms); longer than the throttle, or steady typing flickers. */
  SOCIAL_TYPING_EXPIRY_MS: z.coerce.number().int().min(100).default(6_000),
  /** Terms a chat message may not contain (comma-separated; whole words, case and accents aside): refused with BAD_USER_INPUT. */
  SOCIAL_CHAT_BLOCKED_TERMS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((term) => term.trim()).filter(Boolean)),
  /** Messages a player may send per second, across rooms and replicas. */
  SOCIAL_CHAT_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(3),
  /** The most players a party may hold (and its size when the owner gives none). */
  SOCIAL_CHAT_PARTY_MAX_MEMBERS: z.coerce.number().int().min(2).max(100).default(8),
  /** How many members a new guild holds. */
  SOCIAL_GUILD_MAX_MEMBERS: z.coerce.number().int().min(2).max(500).default(50),
  /** What founding a guild costs, in COINS (0: free). */
  SOCIAL_GUILD_CREATION_FEE: z.coerce.number().int().min(0).max(1_000_000_000).default(1_000),
  /** When the settle job finishes a founding the player's call left unfinished (ms); far longer than the users call's timeout. */
  SOCIAL_GUILD_FOUNDING_SETTLE_MS: z.coerce.number().int().min(100).default(60_000),
  /** The users subgraph, whose ledger takes guild fees: the same setting the gateway reads. */
  USERS_URL: z.string().url().default('http://127.0.0.1:4001/graphql'),
  /** How long a call to the users subgraph may take before its outcome counts as unknown (ms). */
  SOCIAL_USERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
});

export const loadSocialConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(socialEnv, env);
export type SocialConfig = ReturnType<typeof loadSocialConfig>;
