import type { Role } from '../../../platform/auth.js';
import { BadUserInputError, ConflictError, DomainError, ErrorCode, ForbiddenError, RateLimitedError } from '../../../platform/errors.js';
import { parseSeqKey, seqKey } from '../../../platform/pagination.js';
import { validateMultilineText } from '../../../platform/text.js';

export const MAX_MESSAGE_LENGTH = 2_000;

/**
 * A message's text as stored: trimmed, 1–2,000 characters, counted as code points after NFC (an
 * emoji counts as one, as a player would count it). Line breaks stay (as "\n") and tabs too; control
 * characters (ANSI escapes), text direction overrides and isolates, and text that draws nothing
 * (zero-width or filler characters only) are refused: platform/text.ts `validateMultilineText`.
 */
export function validateMessageText(value: string): string {
  return validateMultilineText(value, { field: 'text', label: 'A message', maxLength: MAX_MESSAGE_LENGTH });
}

const CLIENT_MESSAGE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** A client's idempotency key: 1–64 letters, digits, `.`, `_`, `:` or `-`; null when not given. */
export function validateClientMessageId(value: string | null | undefined): string | null {
  if (value == null) return null;
  if (!CLIENT_MESSAGE_ID.test(value)) {
    throw new BadUserInputError('clientMessageId must be 1–64 letters, digits, ".", "_", ":" or "-".', 'clientMessageId');
  }
  return value;
}

/** What the author typed for a stored message (kept in original_text when masked or deleted). */
export const typedTextOf = (stored: { text: string; originalText: string | null }): string => stored.originalText ?? stored.text;

/**
 * What a retried send finds under its clientMessageId: the same message (same room or recipient,
 * same text as typed) is answered again; anything else reused the key for another message (the
 * Stripe rule, as the wallet's idempotency keys).
 */
export function assertSameSend(stored: { sameTarget: boolean; typed: string }, typed: string): void {
  if (!stored.sameTarget || stored.typed !== typed) {
    throw new ConflictError('This clientMessageId was already used for another message: use a new one for a new message.', 'clientMessageId');
  }
}

/** Why a send was refused, for the refusal metric and extensions.reason. */
export type RefusalReason = 'RATE' | 'SLOW_MODE' | 'MUTED' | 'BLOCKED_TERM' | 'READ_ONLY' | 'MODERATORS_ONLY' | 'INVALID' | 'NOT_FOUND' | 'OTHER';

/**
 * Time left before a player may post again in a slow-mode room, in ms (0: now). `lastSentAt` is
 * their newest message in the room.
 */
export function slowModeWaitMs(slowModeSeconds: number, lastSentAt: Date | null, now: Date): number {
  if (slowModeSeconds <= 0 || !lastSentAt) return 0;
  return Math.max(0, lastSentAt.getTime() + slowModeSeconds * 1_000 - now.getTime());
}

/** RATE_LIMITED with the time left and reason SLOW_MODE, when the player must still wait. */
export function assertSlowModeElapsed(slowModeSeconds: number, lastSentAt: Date | null, now: Date): void {
  const wait = slowModeWaitMs(slowModeSeconds, lastSentAt, now);
  if (wait > 0) throw slowModeError(wait, slowModeSeconds);
}

export function slowModeError(waitMs: number, slowModeSeconds: number): DomainError {
  const error = new RateLimitedError(
    `Slow mode: one message every ${slowModeSeconds} seconds here. Try again in ${Math.ceil(waitMs / 1_000)} seconds.`,
    Math.ceil(waitMs),
  );
  Object.assign(error.details, { reason: 'SLOW_MODE' });
  return error;
}

/**
 * Whether a send gives back the rate point it took on arrival: one the room refused (muted, slow
 * mode, read-only, not a member, a blocked pair, a key reused for another message) stored nothing,
 * and the limit counts messages, so a muted player's sends keep answering MUTED and do not use up
 * their next ones. A failure that is not a refusal keeps its point: its message may be stored.
 */
export const returnsRatePoint = (error: unknown): boolean => error instanceof DomainError;

/** The per-player rate limit's refusal, marked as such. */
export function rateError(retryAfterMs: number): DomainError {
  const error = new RateLimitedError(`Too many messages: at most 3 per second. Try again in ${Math.ceil(retryAfterMs)} ms.`, Math.ceil(retryAfterMs));
  Object.assign(error.details, { reason: 'RATE' });
  return error;
}

export const MAX_MUTE_SECONDS = 30 * 24 * 3_600;

/** A mute's length: 0 (lift it) to 30 days, whole seconds. */
export function validateMuteDuration(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_MUTE_SECONDS) {
    throw new BadUserInputError(`A mute lasts 0–${MAX_MUTE_SECONDS} seconds (30 days).`, 'durationSeconds');
  }
  return seconds;
}

/** When a mute of `seconds` from `now` ends; null for 0 (no mute). */
export const muteEnds = (now: Date, seconds: number): Date | null => (seconds === 0 ? null : new Date(now.getTime() + seconds * 1_000));

/** Whether a mute is in force at `now` (it ends at `until`, exclusive). */
export const isMuted = (until: Date | null | undefined, now: Date): until is Date => !!until && until.getTime() > now.getTime();

/** FORBIDDEN with reason MUTED and the time left, while the player is muted in the room. */
export function assertNotMuted(until: Date | null | undefined, now: Date): void {
  if (!isMuted(until, now)) return;
  const retryAfterMs = until.getTime() - now.getTime();
  throw new DomainError(ErrorCode.FORBIDDEN, `You are muted in this room for ${Math.ceil(retryAfterMs / 1_000)} more seconds.`, {
    reason: 'MUTED',
    mutedUntil: until.toISOString(),
    retryAfterMs,
  });
}

/** Who may edit or delete a message: its author; moderators and admins any player's message or announcement. */
export function assertMayChange(message: { authorId: string | null; kind: string }, actor: { userId: string; role: Role | null }, action: 'edit' | 'delete'): void {
  const staff = actor.role === 'MODERATOR' || actor.role === 'ADMIN';
  if (staff) {
    if (action === 'edit' && message.kind === 'MEMBER_JOINED') throw new ForbiddenError('A join message cannot be edited.');
    return;
  }
  if (message.authorId !== actor.userId) throw new ForbiddenError(`Only its author or a moderator can ${action} this message.`);
}

/** What the author typed before masking (or deletion): moderators and admins only; null for everyone else. */
export function visibleOriginalText(message: { originalText: string | null }, role: Role | null): string | null {
  return role === 'MODERATOR' || role === 'ADMIN' ? message.originalText : null;
}

/** An edit of a deleted message is refused: a tombstone stays one. */
export function assertNotDeleted(message: { deletedAt: Date | string | null }): void {
  if (message.deletedAt) throw new ConflictError('This message was deleted.', 'messageId');
}

/** What counts as unread for a member: newer than their read mark, written by someone else, not deleted. */
export function isUnread(message: { seq: bigint; authorId: string | null; deletedAt: Date | string | null }, member: { userId: string; lastReadSeq: bigint }): boolean {
  return message.seq > member.lastReadSeq && message.authorId !== member.userId && !message.deletedAt;
}

/** Unread counts stop here: "1,000" reads as "1,000 or more" and costs a bounded count. */
export const UNREAD_CAP = 1_000;

/** Where a read mark goes: forward only, and never past the room's newest message. */
export function nextReadMark(current: bigint, upTo: bigint, newest: bigint | null): bigint {
  const bounded = newest === null ? 0n : upTo > newest ? newest : upTo;
  return bounded > current ? bounded : current;
}

/** What a message's cursor carries: its position in the room, as a string (JSON has no bigint). */
export const messageKey = seqKey;

/** The position in a cursor key a client sent back; anything else is their mistake. */
export const parseMessageKey = parseSeqKey;

/** What a room event's and an inbox entry's cursors carry: a position, like messages'. */
export const eventKey = seqKey;
export const parseEventKey = parseSeqKey;
