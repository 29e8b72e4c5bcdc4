import { type ExtractionInput, LANGUAGES, type Language } from './types.ts';

/**
 * Checks of what a caller hands to extraction (GraphQL, the CLI), before any work: each refusal
 * has a stable code (docs/extraction.md, the GraphQL contract) and a message for a person. The
 * text is kept exactly as given (no normalisation), so every offset of the draft points into it.
 */

export const MAX_TEXT_LENGTH = 200_000;
const MAX_TITLE = 1_000;
const MAX_PUBLISHER = 300;
const MAX_URL = 2_000;

/**
 * Today somewhere on Earth (UTC+14), as YYYY-MM-DD: the `today` of callers that use the real
 * clock. An article published this morning in Tokyo is not "in the future" for a server whose
 * UTC date is still yesterday's.
 */
export const latestToday = (now = Date.now()): string =>
  new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);

export type ExtractionInputCode =
  | 'TEXT_EMPTY'
  | 'TEXT_TOO_LARGE'
  | 'TEXT_BINARY'
  | 'TEXT_IS_HTML'
  | 'TEXT_INVALID_UNICODE'
  | 'LANGUAGE_UNSUPPORTED'
  | 'LANGUAGE_UNDETECTED'
  | 'PUBLISHED_AT_MISSING'
  | 'PUBLISHED_AT_INVALID'
  | 'PUBLISHED_AT_IN_FUTURE'
  | 'BAD_USER_INPUT';

export class ExtractionInputError extends Error {
  override name = 'ExtractionInputError';
  constructor(
    readonly code: ExtractionInputCode,
    message: string,
    /** The input field at fault: text, publishedAt, language, url, title, publisher. */
    readonly field: string,
  ) {
    super(message);
  }
}

export interface RawExtractionInput {
  text?: unknown;
  publishedAt?: unknown;
  language?: unknown;
  url?: unknown;
  title?: unknown;
  publisher?: unknown;
}

/**
 * The first control character that has no place in prose: NUL and the other C0 controls but
 * tab, LF and CR, and DEL. A loop over char codes (a regex of control characters is what the
 * linter refuses); 200 000 characters take well under a millisecond.
 */
function firstControl(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return i;
  }
  return -1;
}
const REPLACEMENT = /\uFFFD/g;
/** Unpaired halves of a surrogate pair: with the u flag a valid pair is one code point, not Cs. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Anything but white space and invisible format characters (RTL marks, zero-width joiners). */
const VISIBLE = /[^\s\p{Cf}]/u;
const DOCUMENT_TAG = /<(?:!doctype\s+html|html|head|body)[\s>]/i;
const TAG =
  /<\/?(?:p|div|br|span|a|b|i|em|strong|table|tr|td|th|li|ul|ol|h[1-6]|script|style|meta|link|img|section|article|header|footer|nav|main|figure|figcaption|blockquote|iframe|form|input|button|noscript)(?:\s[^<>]*)?\/?>/gi;
/** A quoted tag or two is an article about HTML; a handful is a page's source. */
const HTML_TAGS = 5;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const fail = (code: ExtractionInputCode, field: string, message: string): never => {
  throw new ExtractionInputError(code, message, field);
};

function checkText(raw: unknown): string {
  if (raw === undefined || raw === null) fail('TEXT_EMPTY', 'text', 'Give the text of the article.');
  if (typeof raw !== 'string') return fail('TEXT_EMPTY', 'text', 'The text must be a string.');
  // First, and in constant time: a 10 MB paste is refused before anything reads it.
  if (raw.length > MAX_TEXT_LENGTH) {
    fail(
      'TEXT_TOO_LARGE',
      'text',
      `The text has ${raw.length} characters; extraction takes at most ${MAX_TEXT_LENGTH} (one article).`,
    );
  }
  if (!VISIBLE.test(raw)) fail('TEXT_EMPTY', 'text', 'The text is empty (only white space).');
  if (LONE_SURROGATE.test(raw)) {
    fail(
      'TEXT_INVALID_UNICODE',
      'text',
      'The text is not valid Unicode (an unpaired surrogate); copy it again from its source.',
    );
  }
  const control = firstControl(raw);
  if (control >= 0) {
    const hex = raw.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0');
    fail(
      'TEXT_BINARY',
      'text',
      `The text holds a control character (U+${hex} at ${control}): it looks like a binary file, not text.`,
    );
  }
  const replaced = raw.match(REPLACEMENT)?.length ?? 0;
  if (replaced >= 8 || (replaced >= 2 && replaced * 100 >= raw.length)) {
    fail(
      'TEXT_BINARY',
      'text',
      `The text holds ${replaced} replacement characters (U+FFFD): it was not UTF-8, or is not text.`,
    );
  }
  const tags = raw.match(TAG)?.length ?? 0;
  if (DOCUMENT_TAG.test(raw) || tags >= HTML_TAGS) {
    fail(
      'TEXT_IS_HTML',
      'text',
      "The text looks like HTML (a web page's source). Paste the article's text instead: select it in the browser and copy it.",
    );
  }
  return raw;
}

function checkLanguage(raw: unknown): Language | 'auto' {
  if (raw === undefined || raw === null || raw === '') return 'auto';
  const value = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  if (value === 'auto') return 'auto';
  if (value && (LANGUAGES as readonly string[]).includes(value)) return value as Language;
  return fail(
    'LANGUAGE_UNSUPPORTED',
    'language',
    `Extraction reads ${LANGUAGES.join(', ')} (or auto to detect), not "${String(raw).slice(0, 20)}".`,
  );
}

function checkPublishedAt(raw: unknown, today: string): string {
  if (raw === undefined || raw === null || raw === '') {
    fail(
      'PUBLISHED_AT_MISSING',
      'publishedAt',
      'Give the publication date (YYYY-MM-DD): dates in the text are read against it.',
    );
  }
  if (typeof raw !== 'string' || !isCalendarDate(raw)) {
    return fail(
      'PUBLISHED_AT_INVALID',
      'publishedAt',
      `"${String(raw).slice(0, 40)}" is not a calendar date (YYYY-MM-DD).`,
    );
  }
  if (raw > today) {
    fail(
      'PUBLISHED_AT_IN_FUTURE',
      'publishedAt',
      `The publication date ${raw} is in the future (today is ${today} at the latest, anywhere).`,
    );
  }
  return raw;
}

/** An optional one-line field: trimmed, null when empty, refused when too long or not one line. */
function checkLine(raw: unknown, field: string, max: number): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') return fail('BAD_USER_INPUT', field, `${field} must be a string.`);
  const value = raw.trim();
  if (!value) return null;
  if (value.length > max || /[\p{Cc}]/u.test(value) || LONE_SURROGATE.test(value)) {
    fail('BAD_USER_INPUT', field, `${field} must be one line of at most ${max} printable characters.`);
  }
  return value;
}

function checkUrl(raw: unknown): string | null {
  const value = checkLine(raw, 'url', MAX_URL);
  if (value === null) return null;
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    // Not a URL at all.
  }
  if (!ok) fail('BAD_USER_INPUT', 'url', `url must be an http(s) address, not "${value.slice(0, 60)}".`);
  return value;
}

/**
 * The checked input, or an ExtractionInputError. `today` (YYYY-MM-DD) is the caller's clock: a
 * publication date after it is refused. `language` stays 'auto' when not given: detection runs
 * with the engine call (extraction.service.ts), not here.
 */
export function checkExtractionInput(raw: RawExtractionInput, today: string): ExtractionInput {
  if (!isCalendarDate(today)) throw new Error(`today must be YYYY-MM-DD, not "${today}"`);
  const text = checkText(raw.text);
  const language = checkLanguage(raw.language);
  const publishedAt = checkPublishedAt(raw.publishedAt, today);
  return {
    text,
    publishedAt,
    language,
    url: checkUrl(raw.url),
    title: checkLine(raw.title, 'title', MAX_TITLE),
    publisher: checkLine(raw.publisher, 'publisher', MAX_PUBLISHER),
  };
}
