import type { Logger } from 'pino';
import { requireUser, type Viewer } from '../../../platform/auth.js';
import { enqueueJob } from '../../../platform/jobs/index.js';
import type { PrismaWork, UnitOfWork } from '../../../platform/unit-of-work.js';
import { guildUpdated } from '../contracts/live.js';
import { driveBonusXp, driveEndsAt, DriveOpenError, driveOutcome, dueToExpire, validateDriveInput } from '../domain/guild-drives.js';
import { assertMayAct } from '../domain/guild-permissions.js';
import { notInGuild } from '../domain/guilds.js';
import type { ContributionDriveRow, GuildDrivesStore } from '../store/guild-drives.store.js';
import type { GuildsStore } from '../store/guilds.store.js';

export interface GuildDrivesServiceDeps {
  work: UnitOfWork;
  drives: GuildDrivesStore;
  guilds: GuildsStore;
  /** The durable job queue of the drives' deadlines. */
  queue: string;
  logger: Logger;
  now?: () => Date;
}

/** A drive's deadline timer. */
export interface DriveJob {
  driveId: string;
}

/** Contribution drives: starting one, counting contributions toward it, its end on time or at its goal. */
export class GuildDrivesService {
  constructor(private readonly deps: GuildDrivesServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * The viewer's guild starts a drive (START_CONTRIBUTION_DRIVE): the drive and its deadline timer
   * in one transaction, under the guild's lock (and the open-drive unique key), so two starts at
   * once make one drive and the other gets CONFLICT naming it.
   */
  async startDrive(viewer: Viewer, input: { goal: number; durationHours: number }): Promise<ContributionDriveRow> {
    const userId = requireUser(viewer);
    const { goal, durationHours } = validateDriveInput(input);
    return this.deps.work.run(async (work) => {
      const { tx } = work;
      const before = await this.deps.guilds.membership(tx, userId);
      if (!before) throw notInGuild();
      const guild = await this.deps.guilds.lock(tx, before.guildId);
      const actor = await this.deps.guilds.membership(tx, userId);
      if (!guild || !actor || actor.guildId !== guild.id) throw notInGuild();
      assertMayAct(actor.role, 'START_CONTRIBUTION_DRIVE');
      const open = await this.deps.drives.lockActive(tx, guild.id);
      if (open) throw new DriveOpenError(open.id);
      const startedAt = this.now();
      const drive = await this.deps.drives.create(tx, { guildId: guild.id, startedBy: userId, goal, bonusXp: driveBonusXp(goal), startedAt, endsAt: driveEndsAt(startedAt, durationHours) });
      await enqueueJob(tx, this.deps.queue, { driveId: drive.id } satisfies DriveJob, { runAt: drive.endsAt, maxAttempts: 20 });
      await work.record('guild.drive_started', { driveId: drive.id, guildId: guild.id, startedBy: userId, goal, startedAt: startedAt.toISOString(), endsAt: drive.endsAt.toISOString() });
      work.publish(guildUpdated, guild.id, { id: guild.id });
      return drive;
    });
  }

  /**
   * Counts a contribution that settles now toward the guild's ACTIVE drive, in the contribution's
   * unit of work (the guild is locked by the caller; the drive is locked here, as its end locks
   * it). Answers the bonus XP the guild earns now: the drive's bonus when this contribution
   * reaches the goal (the drive is COMPLETED in the same transaction, so it pays once), else 0.
   */
  async countContribution(work: PrismaWork, input: { guildId: string; userId: string; coins: number }): Promise<number> {
    const drive = await this.deps.drives.lockActive(work.tx, input.guildId);
    if (!drive) return 0;
    const at = this.now();
    const outcome = driveOutcome(drive, input.coins, at);
    if (!outcome.counts) return 0;
    await this.deps.drives.addContribution(work.tx, { driveId: drive.id, userId: input.userId, coins: input.coins, raised: outcome.raised, at });
    if (!outcome.completes) return 0;
    await this.deps.drives.end(work.tx, drive.id, 'COMPLETED', at);
    await work.record('guild.drive_ended', { driveId: drive.id, guildId: drive.guildId, status: 'COMPLETED', raised: Number(outcome.raised), bonusXp: drive.bonusXp, endedAt: at.toISOString() });
    return drive.bonusXp;
  }

  /**
   * The deadline timer: expires the drive if it is still ACTIVE and due (under its lock, so a
   * second run or another replica finds nothing to do, and a contribution completing it at the
   * same moment is either counted before or refused after). Run before its time (the database's
   * clock ahead of ours), it schedules itself again for the difference.
   */
  jobHandler(): (payload: unknown) => Promise<void> {
    return async (payload: unknown) => {
      const { driveId } = payload as DriveJob;
      await this.deps.work.run(async (work) => {
        const drive = await this.deps.drives.lock(work.tx, driveId);
        if (!drive || drive.status !== 'ACTIVE') return;
        const now = this.now();
        if (!dueToExpire(drive, now)) {
          await enqueueJob(work.tx, this.deps.queue, { driveId } satisfies DriveJob, { runAt: new Date(Date.now() + (drive.endsAt.getTime() - now.getTime())), maxAttempts: 20 });
          return;
        }
        await this.deps.drives.end(work.tx, drive.id, 'EXPIRED', now);
        await work.record('guild.drive_ended', { driveId: drive.id, guildId: drive.guildId, status: 'EXPIRED', raised: Number(drive.raised), bonusXp: 0, endedAt: now.toISOString() });
        work.publish(guildUpdated, drive.guildId, { id: drive.guildId });
        this.deps.logger.debug({ driveId, guildId: drive.guildId }, 'contribution drive expired');
      });
    };
  }
}
