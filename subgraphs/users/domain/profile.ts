import { BadUserInputError } from '../../../platform/errors.js';
import { validateMultilineText } from '../../../platform/text.js';
import { validateDisplayName } from './accounts.js';

export const MAX_AVATAR_URL_LENGTH = 512;
export const MAX_BIO_LENGTH = 280;
export const DEFAULT_TIMEZONE = 'UTC';

/**
 * A picture URL: absolute http(s), at most 512 characters, no embedded credentials. Null or ''
 * mean "no picture".
 */
export function validateAvatarUrl(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  const invalid = () => new BadUserInputError(`Avatar URL must be an http or https URL of at most ${MAX_AVATAR_URL_LENGTH} characters.`, 'avatarUrl');
  if (trimmed.length > MAX_AVATAR_URL_LENGTH || /\s/.test(trimmed)) throw invalid();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw invalid();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid();
  // user:password@host would put a secret on every profile that shows the picture.
  if (url.username || url.password) throw new BadUserInputError('Avatar URL must not contain a user name or password.', 'avatarUrl');
  return trimmed;
}

/**
 * A bio: trimmed, at most 280 characters counted as the player sees them (code points after NFC,
 * so emoji count once); line breaks kept, no control or text direction override characters
 * (platform/text.ts `validateMultilineText`). '' clears it.
 */
export function validateBio(value: string): string {
  return validateMultilineText(value, { field: 'bio', label: 'Bio', minLength: 0, maxLength: MAX_BIO_LENGTH });
}

/**
 * An IANA time zone name in its canonical spelling ("europe/madrid" → "Europe/Madrid"), as the
 * runtime's time zone database knows it. Offsets such as "+02:00" are refused: they ignore
 * daylight saving, so a player's day would start an hour off half the year.
 */
export function validateTimezone(value: string): string {
  const name = value.trim();
  const invalid = () => new BadUserInputError('Time zone must be an IANA time zone name such as "Europe/Madrid" or "UTC".', 'timezone');
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(name)) throw invalid();
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw invalid();
  }
}

export interface ProfileChanges {
  displayName?: string;
  avatarUrl?: string | null;
  bio?: string;
  timezone?: string;
}

/**
 * The columns an updateProfile input changes. A field left out (undefined) stays as it is; an
 * explicit null also leaves displayName, bio and timezone alone, but removes the avatar.
 */
export function validateProfileChanges(input: {
  displayName?: string | null;
  avatarUrl?: string | null;
  bio?: string | null;
  timezone?: string | null;
}): ProfileChanges {
  const changes: ProfileChanges = {};
  if (input.displayName != null) changes.displayName = validateDisplayName(input.displayName);
  if (input.avatarUrl !== undefined) changes.avatarUrl = validateAvatarUrl(input.avatarUrl);
  if (input.bio != null) changes.bio = validateBio(input.bio);
  if (input.timezone != null) changes.timezone = validateTimezone(input.timezone);
  return changes;
}
