import { BadUserInputError } from '../../../platform/errors.js';
import { normalizeInputText, textLength, validateNameText, validateSecretText } from '../../../platform/text.js';

export const USERNAME_PATTERN = /^[A-Za-z0-9_]{3,20}$/;
export const MIN_PASSWORD_LENGTH = 8;
// Argon2 hashes any length, but an unbounded password is a cheap way to burn CPU.
export const MAX_PASSWORD_LENGTH = 128;
export const MAX_DISPLAY_NAME_LENGTH = 32;
export const MAX_EMAIL_LENGTH = 254;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Invisible, format, control or unassigned characters make two addresses look like one.
const HIDDEN_IN_EMAIL = /[\p{C}\p{Default_Ignorable_Code_Point}]/u;

export interface Registration {
  username: string;
  usernameKey: string;
  email: string;
  password: string;
  displayName: string;
}

/** Usernames are unique regardless of letter case. */
export const usernameKey = (username: string) => username.toLowerCase();
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Checks a sign-up against the account rules (lengths in code points after NFC, as platform/text.ts
 * counts them); throws BadUserInputError naming the field.
 */
export function validateRegistration(input: {
  username: string;
  email: string;
  password: string;
  displayName?: string | null;
}): Registration {
  const username = normalizeInputText(input.username, 'username').trim();
  if (!USERNAME_PATTERN.test(username)) {
    throw new BadUserInputError('Username must be 3–20 characters: letters, digits and underscores.', 'username');
  }
  const email = normalizeEmail(normalizeInputText(input.email, 'email'));
  if (textLength(email) > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email) || HIDDEN_IN_EMAIL.test(email)) {
    throw new BadUserInputError('Email must be a valid email address.', 'email');
  }
  // Any text the base rule accepts: nobody else ever sees it.
  const password = validateSecretText(input.password, {
    field: 'password',
    label: 'Password',
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
  });
  const displayName = validateDisplayName(input.displayName ?? username);
  return { username, usernameKey: usernameKey(username), email, password, displayName };
}

/**
 * A display name as shown to other players: trimmed, 1–32 code points after NFC, one line, no
 * text direction controls or invisible characters, something visible (platform/text.ts names).
 */
export function validateDisplayName(value: string): string {
  return validateNameText(value, { field: 'displayName', label: 'Display name', maxLength: MAX_DISPLAY_NAME_LENGTH });
}
