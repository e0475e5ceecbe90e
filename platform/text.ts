import { BadUserInputError } from './errors.js';

// The platform's one text policy. Every string a client sends passes `normalizeInputText`
// (platform/text-inputs.ts, run by createSubgraphServer, applies it to every argument); names and
// chat text then pass the stricter rules below in their domain functions. Lengths are Unicode code
// points after NFC: what a player counts for letters and emoji, and a hard bound on storage
// (graphemes are not: one grapheme may carry any number of combining marks).

// C0 and C1 controls (ESC, so ANSI escapes too) except tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// With the u flag a surrogate pair is one code point, so this matches lone halves only.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// Printable ASCII (plus tab and line breaks) is already NFC and safe: the common case costs one test.
const PLAIN_ASCII = /^[\u0020-\u007E\t\n\r]*$/;
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;
// LRE RLE PDF LRO RLO and LRI RLI FSI PDI: they reorder the text after them ("Trojan Source").
const BIDI_REORDERING = /[\u202A-\u202E\u2066-\u2069]/;
// All of Bidi_Control: the above plus the invisible marks LRM, RLM and ALM.
const BIDI_CONTROL = /\p{Bidi_Control}/u;
// Invisible characters a name may hold because emoji and some scripts need them: ZWNJ, ZWJ,
// variation selectors. A flag's tag sequence (🏴 + tags + cancel tag) is removed before the test.
const EMOJI_TAG_SEQUENCE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const HIDDEN_IN_NAME = /(?![\u200C\u200D\uFE00-\uFE0F\u{E0100}-\u{E01EF}])\p{Default_Ignorable_Code_Point}/u;
// Something that draws: a letter, digit, punctuation or symbol that is not default-ignorable
// (U+3164 and the other Hangul fillers are letters that draw nothing) nor the blank braille cell.
const VISIBLE = /(?!\p{Default_Ignorable_Code_Point}|\u2800)[\p{L}\p{N}\p{P}\p{S}]/u;

/** A length as the platform counts it everywhere: Unicode code points (after NFC). */
export function textLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/**
 * The rule for every string input: no NUL, no lone surrogate, no control character other than
 * tab, line feed and carriage return. Returns the value in Unicode NFC, so "e\u0301" and "é" are
 * one string. Throws BadUserInputError naming `field`.
 */
export function normalizeInputText(value: string, field: string): string {
  if (PLAIN_ASCII.test(value)) return value;
  if (LONE_SURROGATE.test(value)) {
    throw new BadUserInputError(`${field} must be valid Unicode text (it holds a lone surrogate).`, field);
  }
  if (CONTROL.test(value)) {
    throw new BadUserInputError(`${field} must not contain control characters (such as NUL or ESC).`, field);
  }
  return value.normalize('NFC');
}

export interface TextRule {
  /** The input field named in errors (`extensions.field`). */
  field: string;
  /** How the message names the value: "Display name". */
  label: string;
  /** 1 unless given; 0 lets the value be empty. */
  minLength?: number;
  maxLength: number;
}

function assertLength(text: string, rule: TextRule): void {
  const min = rule.minLength ?? 1;
  const length = textLength(text);
  if (length < min || length > rule.maxLength) {
    const range = min === 0 ? `at most ${rule.maxLength}` : `${min}–${rule.maxLength}`;
    throw new BadUserInputError(`${rule.label} must be ${range} characters.`, rule.field, { length });
  }
}

/** Refuses text that draws nothing; '' is left to the length rule (a bio may be empty). */
function assertVisible(text: string, rule: TextRule): void {
  if (text !== '' && !VISIBLE.test(text)) {
    throw new BadUserInputError(`${rule.label} must contain visible characters.`, rule.field);
  }
}

/**
 * A name other players see (display names, room and guild names): the base rule, trimmed, one
 * line, no bidi controls, no invisible characters beyond those emoji and scripts need (ZWJ, ZWNJ,
 * variation selectors, flag tags), at least one visible character, and the length in code points.
 */
export function validateNameText(value: string, rule: TextRule): string {
  const name = normalizeInputText(value, rule.field).trim();
  if (LINE_BREAK_OR_TAB.test(name)) throw new BadUserInputError(`${rule.label} must be a single line.`, rule.field);
  if (BIDI_CONTROL.test(name)) {
    throw new BadUserInputError(`${rule.label} must not contain text direction controls.`, rule.field);
  }
  if (HIDDEN_IN_NAME.test(name.replace(EMOJI_TAG_SEQUENCE, ''))) {
    throw new BadUserInputError(`${rule.label} must not contain invisible characters.`, rule.field);
  }
  assertLength(name, rule);
  assertVisible(name, rule);
  return name;
}

/**
 * Text a player writes for others to read (chat messages): the base rule, trimmed, line breaks
 * (CR LF, CR, and Unicode's line and paragraph separators) kept as "\n" and tabs allowed, no bidi
 * embeddings, overrides or isolates (the invisible marks LRM/RLM/ALM that right-to-left writers
 * type stay), at least one visible character, and the length in code points.
 */
export function validateMultilineText(value: string, rule: TextRule): string {
  const text = normalizeInputText(value, rule.field).replace(/\r\n?|[\u2028\u2029]/g, '\n').trim();
  if (BIDI_REORDERING.test(text)) {
    throw new BadUserInputError(`${rule.label} must not contain text direction overrides or isolates.`, rule.field);
  }
  assertLength(text, rule);
  assertVisible(text, rule);
  return text;
}

/**
 * A secret the player types (a password): any text that passes the base rule, in NFC (so the same
 * password typed on two keyboards matches), not trimmed, its length in code points.
 */
export function validateSecretText(value: string, rule: TextRule): string {
  const secret = normalizeInputText(value, rule.field);
  const min = rule.minLength ?? 1;
  const length = textLength(secret);
  if (length < min) throw new BadUserInputError(`${rule.label} must be at least ${min} characters.`, rule.field);
  if (length > rule.maxLength) throw new BadUserInputError(`${rule.label} must be at most ${rule.maxLength} characters.`, rule.field);
  return secret;
}
