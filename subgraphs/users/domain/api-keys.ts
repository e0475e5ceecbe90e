import { BadUserInputError } from '../../../platform/errors.js';
import { textLength } from '../../../platform/text.js';

export const MAX_API_KEY_NAME_LENGTH = 64;

/** What a key is for, as admins list it: 1–64 characters (code points) once trimmed. */
export function validateApiKeyName(name: string): string {
  const trimmed = name.trim();
  const length = textLength(trimmed);
  if (length < 1 || length > MAX_API_KEY_NAME_LENGTH) throw new BadUserInputError(`API key name must be 1–${MAX_API_KEY_NAME_LENGTH} characters.`, 'name');
  return trimmed;
}
