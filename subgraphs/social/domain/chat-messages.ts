import { ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import { validateMultilineText } from '../../../platform/text.js';
import { parseSeqKey, seqKey } from '../../../platform/pagination.js';
import type { ChatRoomKind } from './chat-rooms.js';

export const MAX_MESSAGE_LENGTH = 500;

/**
 * A message's text as stored: trimmed, 1–500 characters, counted as code points after NFC (an
 * emoji counts as one, as a player would count it). Line breaks stay (as "\n") and tabs too; control
 * characters (ANSI escapes), text direction overrides and isolates, and text that draws nothing
 * (zero-width or filler characters only) are refused: platform/text.ts `validateMultilineText`.
 */
export function validateMessageText(value: string): string {
  return validateMultilineText(value, { field: 'text', label: 'A message', maxLength: MAX_MESSAGE_LENGTH });
}

/** Room kinds every player may read and write. The others wait for room membership. */
export const OPEN_ROOM_KINDS: readonly ChatRoomKind[] = ['GLOBAL'];

/**
 * Whether the room can be read (its history and live messages) and written to. Only GLOBAL rooms
 * are open until rooms have members; then the other kinds will check membership here.
 */
export function assertChatAllowed<R extends { kind: ChatRoomKind }>(room: R | undefined, roomId: string): asserts room is R {
  if (!room) throw new NotFoundError('ChatRoom', roomId);
  if (!OPEN_ROOM_KINDS.includes(room.kind)) throw new ForbiddenError('Only GLOBAL rooms are open for chat for now.');
}

/** The kinds a room listing shows: those assertChatAllowed lets the viewer read, of `kind` when given. */
export function readableRoomKinds(kind?: ChatRoomKind | null): ChatRoomKind[] {
  return OPEN_ROOM_KINDS.filter((open) => !kind || open === kind);
}

/** What a message's cursor carries: its position in the room, as a string (JSON has no bigint). */
export const messageKey = seqKey;

/** The position in a cursor key a client sent back; anything else is their mistake. */
export const parseMessageKey = parseSeqKey;
