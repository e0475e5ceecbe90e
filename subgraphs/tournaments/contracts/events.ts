// The domain events the tournaments subgraph produces: its contract with every consumer on the bus.
// Consumers import these types from here; payloads only grow (new optional fields), never change
// shape. Declared by augmenting the platform's DomainEventPayloads, which holds no event itself.

declare module '../../../platform/events/types.js' {
  interface DomainEventPayloads {
    /** A player won a tournament match. */
    'tournament.match_won': { tournamentId: string; matchId: string; winnerId: string; round: number; wonAt: string };
    /** Play began: the bracket is drawn; `players` registered players, seeded. */
    'tournament.started': { tournamentId: string; players: number; startedAt: string };
    /** Called off (by its organizer, an admin, or at its start time for too few players); entry fees are refunded. */
    'tournament.cancelled': { tournamentId: string; reason: 'ORGANIZER' | 'TOO_FEW_PARTICIPANTS'; cancelledAt: string };
    /**
     * A tournament ended; `placements` gives each participant's final place (1 = winner) and the
     * coins their place won (`prize`, 0 when unpaid); `name` the tournament's. Both absent in events
     * recorded before prizes.
     */
    'tournament.completed': { tournamentId: string; name?: string; placements: { userId: string; placement: number; prize?: number }[]; completedAt: string };
  }
}

export {};
