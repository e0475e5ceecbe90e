import type { TournamentFunding, TournamentFundingStatus } from '../../../generated/prisma/client.js';
import type { PrismaClient, Tx } from '../../../platform/db/index.js';
import type { TournamentSettings } from '../domain/settings.js';

export type FundingRow = TournamentFunding;

/** Settings as the funding row keeps them (JSON: dates as ISO strings). */
type StoredSettings = Omit<TournamentSettings, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string | null };

/** The settings a funding row holds, dates restored. */
export function settingsOf(row: FundingRow): TournamentSettings {
  const stored = row.settings as unknown as StoredSettings;
  return { ...stored, startsAt: new Date(stored.startsAt), endsAt: stored.endsAt ? new Date(stored.endsAt) : null };
}

/** Tournaments whose creator is paying the prize pool's fixed part (store of `tournament_fundings`). */
export class FundingsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** A new PENDING funding (a second one with the creator's request key throws the unique violation). */
  create(tx: Tx, funding: { id: string; createdBy: string; requestKey: string | null; settings: TournamentSettings; amount: number }): Promise<FundingRow> {
    const settings: StoredSettings = { ...funding.settings, startsAt: funding.settings.startsAt.toISOString(), endsAt: funding.settings.endsAt?.toISOString() ?? null };
    return tx.tournamentFunding.create({ data: { ...funding, settings } });
  }

  find(id: string, tx: Tx | PrismaClient = this.prisma): Promise<FundingRow | null> {
    return tx.tournamentFunding.findUnique({ where: { id } });
  }

  findByRequestKey(createdBy: string, requestKey: string): Promise<FundingRow | null> {
    return this.prisma.tournamentFunding.findUnique({ where: { createdBy_requestKey: { createdBy, requestKey } } });
  }

  /** Moves the funding only from one of `from`; true when it moved (the one caller that did acts on it). */
  async move(id: string, from: readonly TournamentFundingStatus[], to: TournamentFundingStatus, tx: Tx | PrismaClient = this.prisma): Promise<boolean> {
    const { count } = await tx.tournamentFunding.updateMany({ where: { id, status: { in: [...from] } }, data: { status: to } });
    return count === 1;
  }
}
