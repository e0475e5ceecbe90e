// The domain events the social subgraph produces: its contract with every consumer on the bus.
// Consumers import these types from here; payloads only grow (new optional fields), never change
// shape. Declared by augmenting the platform's DomainEventPayloads, which holds no event itself.

declare module '../../../platform/events/types.js' {
  interface DomainEventPayloads {
    /** A player posted a chat message (messages the platform posts are not recorded as sent). */
    'chat.message_sent': ChatMessageSent;
    /** A message's text was changed by its author or a moderator. */
    'chat.message_edited': ChatMessageChanged;
    /** A message was deleted by its author or a moderator (it stays as a tombstone). */
    'chat.message_deleted': ChatMessageChanged;
    /** A player reported a message to the moderators. */
    'chat.message_reported': ChatMessageReported;
    /** A moderator resolved a report. */
    'chat.report_resolved': ChatReportResolved;
    /** A player became a member of a room (joined, was added to a party or a guild, or opened a private conversation). */
    'chat.member_joined': ChatMemberChanged;
    /** A player stopped being a member of a room (left, was kicked, left the guild). */
    'chat.member_left': ChatMemberChanged;
    /** A player was muted in a room (or their mute lifted: `until` null). */
    'chat.user_muted': ChatUserMuted;
    /** A player founded a guild. */
    'guild.created': { guildId: string; founderId: string; createdAt: string };
    /** A player joined a guild. */
    'guild.member_joined': { guildId: string; userId: string; joinedAt: string };
    /** A player left a guild, or was kicked from it (`byUserId`: who kicked them). */
    'guild.member_left': { guildId: string; userId: string; byUserId: string | null; leftAt: string };
    /** A member's rank changed (promoted, demoted, or mastership handed over). */
    'guild.role_changed': { guildId: string; userId: string; role: string; previousRole: string; byUserId: string; changedAt: string };
    /** A guild's last member left: the guild is gone. */
    'guild.disbanded': { guildId: string; disbandedAt: string };
    /** A player contributed to their guild's treasury. */
    'guild.contribution_made': { guildId: string; userId: string; amount: number; contributedAt: string };
    /** A guild won a war; `memberIds` are the members who fought in it. */
    'guild.war_won': { guildId: string; warId: string; memberIds: string[]; wonAt: string };
    /**
     * A guild declared war on another: both guilds' members when it was declared (`attackerMemberIds`,
     * `defenderMemberIds`), and the guilds' names and tags then, for notices.
     */
    'guild.war_declared': GuildWarDeclared;
    /** A guild's officer started a contribution drive. */
    'guild.drive_started': { driveId: string; guildId: string; startedBy: string; goal: number; startedAt: string; endsAt: string };
    /** A contribution drive ended: COMPLETED (its goal reached; `bonusXp` paid to the guild) or EXPIRED (time ran out; 0). */
    'guild.drive_ended': { driveId: string; guildId: string; status: 'COMPLETED' | 'EXPIRED'; raised: number; bonusXp: number; endedAt: string };
  }
}

export interface GuildWarDeclared {
  warId: string;
  attacker: { guildId: string; name: string; tag: string; memberIds: string[] };
  defender: { guildId: string; name: string; tag: string; memberIds: string[] };
  declaredBy: string;
  declaredAt: string;
  /** When the fighting starts. */
  startsAt: string;
  endsAt: string;
}

export interface ChatMessageSent {
  messageId: string;
  roomId: string;
  authorId: string;
  sentAt: string;
}

export interface ChatMessageChanged {
  messageId: string;
  roomId: string;
  /** The message's author (null for one the platform posted). */
  authorId: string | null;
  /** Who changed it: the author or a moderator. */
  changedBy: string;
  changedAt: string;
}

export interface ChatMessageReported {
  reportId: string;
  messageId: string;
  roomId: string;
  reporterId: string;
  /** The reported message's author. */
  authorId: string | null;
  reportedAt: string;
}

export interface ChatReportResolved {
  reportId: string;
  messageId: string;
  resolvedBy: string;
  resolvedAt: string;
}

export interface ChatMemberChanged {
  roomId: string;
  /** The room's kind: GLOBAL, GUILD, PARTY, PRIVATE or SYSTEM. */
  roomKind: string;
  userId: string;
  /** Who made the change when it was not the player (a party owner's invite or kick; null otherwise). */
  byUserId: string | null;
  at: string;
}

export interface ChatUserMuted {
  roomId: string;
  userId: string;
  mutedBy: string;
  /** When the mute ends; null when it was lifted. */
  until: string | null;
  at: string;
}
