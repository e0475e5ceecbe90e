import { BadUserInputError } from '../../../platform/errors.js';

export const USERNAME_PATTERN = /^[A-Za-z0-9_]{3,20}$/;
export const MIN_PASSWORD_LENGTH = 8;
// Argon2 hashes any length, but an unbounded password is a cheap way to burn CPU.
export const MAX_PASSWORD_LENGTH = 128;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

/** Checks a sign-up against the account rules; throws BadUserInputError naming the field. */
export function validateRegistration(input: {
  username: string;
  email: string;
  password: string;
  displayName?: string | null;
}): Registration {
  const username = input.username.trim();
  if (!USERNAME_PATTERN.test(username)) {
    throw new BadUserInputError('Username must be 3–20 characters: letters, digits and underscores.', 'username');
  }
  const email = normalizeEmail(input.email);
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) {
    throw new BadUserInputError('Email must be a valid email address.', 'email');
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new BadUserInputError(`Password must be at least ${MIN_PASSWORD_LENGTH} characters.`, 'password');
  }
  if (input.password.length > MAX_PASSWORD_LENGTH) {
    throw new BadUserInputError(`Password must be at most ${MAX_PASSWORD_LENGTH} characters.`, 'password');
  }
  const displayName = validateDisplayName(input.displayName ?? username);
  return { username, usernameKey: usernameKey(username), email, password: input.password, displayName };
}

/** A display name as shown to other players: trimmed, 1–32 characters. */
export function validateDisplayName(value: string): string {
  const displayName = value.trim();
  if (displayName.length < 1 || displayName.length > 32) {
    throw new BadUserInputError('Display name must be 1–32 characters.', 'displayName');
  }
  return displayName;
}
