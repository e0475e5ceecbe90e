// The domain events the social subgraph produces: its contract with every consumer on the bus.
// Consumers import these types from here; payloads only grow (new optional fields), never change
// shape. Declared by augmenting the platform's DomainEventPayloads, which holds no event itself.

declare module '../../../platform/events/types.js' {
  interface DomainEventPayloads {
    /** A player posted a chat message. */
    'chat.message_sent': ChatMessageSent;
    /** A player founded a guild. */
    'guild.created': { guildId: string; founderId: string; createdAt: string };
    /** A player joined a guild. */
    'guild.member_joined': { guildId: string; userId: string; joinedAt: string };
    /** A player contributed to their guild's treasury. */
    'guild.contribution_made': { guildId: string; userId: string; amount: number; contributedAt: string };
    /** A guild won a war; `memberIds` are the members who fought in it. */
    'guild.war_won': { guildId: string; warId: string; memberIds: string[]; wonAt: string };
  }
}

export interface ChatMessageSent {
  messageId: string;
  roomId: string;
  authorId: string;
  sentAt: string;
}
