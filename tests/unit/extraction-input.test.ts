import { describe, expect, it } from 'vitest';
import {
  checkExtractionInput,
  ExtractionInputError,
  MAX_TEXT_LENGTH,
  type RawExtractionInput,
} from '../../src/modules/extraction/input.ts';

const TODAY = '2024-05-20';
const ok: RawExtractionInput = { text: 'Le ministre est arrivé à Minsk.', publishedAt: '2024-05-01' };

function codeOf(raw: RawExtractionInput): string {
  try {
    checkExtractionInput(raw, TODAY);
  } catch (err) {
    if (err instanceof ExtractionInputError) return err.code;
    throw err;
  }
  return 'ACCEPTED';
}

describe('checkExtractionInput', () => {
  it('accepts an article and keeps its text exactly, with language auto by default', () => {
    const text = '  Le ministre est arrivé.\u200F Cafe\u0301 — נתניהו 😀\n';
    const input = checkExtractionInput({ ...ok, text, title: '  Un titre ', publisher: '' }, TODAY);
    expect(input).toEqual({
      text,
      publishedAt: '2024-05-01',
      language: 'auto',
      url: null,
      title: 'Un titre',
      publisher: null,
    });
    expect(checkExtractionInput({ ...ok, language: 'FR' }, TODAY).language).toBe('fr');
    expect(checkExtractionInput({ ...ok, language: 'auto' }, TODAY).language).toBe('auto');
    expect(checkExtractionInput({ ...ok, publishedAt: TODAY }, TODAY).publishedAt).toBe(TODAY);
  });

  it('refuses empty and white-space text with TEXT_EMPTY', () => {
    for (const text of [undefined, null, '', '   \n\t ', '\u200B\u200F \u00A0']) {
      expect(codeOf({ ...ok, text })).toBe('TEXT_EMPTY');
    }
    expect(codeOf({ ...ok, text: 42 })).toBe('TEXT_EMPTY');
  });

  it('refuses more than 200 000 characters with TEXT_TOO_LARGE, a 10 MB text included', () => {
    expect(codeOf({ ...ok, text: 'a'.repeat(MAX_TEXT_LENGTH) })).toBe('ACCEPTED');
    expect(codeOf({ ...ok, text: 'a'.repeat(MAX_TEXT_LENGTH + 1) })).toBe('TEXT_TOO_LARGE');
    // Also full of NULs and tags: the size is what it is refused for.
    const huge = `<html>\u0000${'x'.repeat(10 * 1024 * 1024)}`;
    expect(codeOf({ ...ok, text: huge })).toBe('TEXT_TOO_LARGE');
  });

  it('refuses NUL, other C0 controls and many U+FFFD with TEXT_BINARY, and allows tab, CR, LF', () => {
    expect(codeOf({ ...ok, text: 'PK\u0003\u0004 binary' })).toBe('TEXT_BINARY');
    expect(codeOf({ ...ok, text: 'text\u0000more text' })).toBe('TEXT_BINARY');
    expect(codeOf({ ...ok, text: 'text\u007F' })).toBe('TEXT_BINARY');
    expect(codeOf({ ...ok, text: `Le texte ${'\uFFFD'.repeat(12)} suite.` })).toBe('TEXT_BINARY');
    expect(
      codeOf({ ...ok, text: 'Un caract\uFFFDre mal copi\u00E9 dans un long article de presse ici.' }),
    ).toBe('ACCEPTED');
    expect(codeOf({ ...ok, text: 'Col1\tCol2\r\nLine two\n' })).toBe('ACCEPTED');
  });

  it('refuses a web page with TEXT_IS_HTML and a hint to paste the text, but not one quoted tag', () => {
    const page = '<div class="a"><p>Le ministre</p><p>est arrivé</p><br><span>ici</span></div>';
    expect(codeOf({ ...ok, text: page })).toBe('TEXT_IS_HTML');
    expect(codeOf({ ...ok, text: '<!DOCTYPE html><title>x</title> Le ministre' })).toBe('TEXT_IS_HTML');
    expect(() => checkExtractionInput({ ...ok, text: page }, TODAY)).toThrow(/Paste the article's text/);
    expect(codeOf({ ...ok, text: 'The <p> tag starts a paragraph, said the minister.' })).toBe('ACCEPTED');
  });

  it('refuses lone surrogates with TEXT_INVALID_UNICODE, and accepts pairs and RTL marks', () => {
    expect(codeOf({ ...ok, text: 'broken \uD83D here' })).toBe('TEXT_INVALID_UNICODE');
    expect(codeOf({ ...ok, text: 'broken \uDE00 here' })).toBe('TEXT_INVALID_UNICODE');
    expect(codeOf({ ...ok, text: 'fine \uD83D\uDE00 \u202Bשלום\u202C \u200F here' })).toBe('ACCEPTED');
  });

  it('refuses a language outside the five with LANGUAGE_UNSUPPORTED', () => {
    for (const language of ['es', 'uk', 'french', 7, 'zz']) {
      expect(codeOf({ ...ok, language })).toBe('LANGUAGE_UNSUPPORTED');
    }
  });

  it('checks the publication date: PUBLISHED_AT_MISSING, _INVALID, _IN_FUTURE', () => {
    expect(codeOf({ ...ok, publishedAt: undefined })).toBe('PUBLISHED_AT_MISSING');
    expect(codeOf({ ...ok, publishedAt: '' })).toBe('PUBLISHED_AT_MISSING');
    for (const publishedAt of ['2024-02-30', '2023-02-29', '20-05-2024', '2024-5-1', 'yesterday', 20240501]) {
      expect(codeOf({ ...ok, publishedAt })).toBe('PUBLISHED_AT_INVALID');
    }
    expect(codeOf({ ...ok, publishedAt: '2024-02-29' })).toBe('ACCEPTED');
    expect(codeOf({ ...ok, publishedAt: '2024-05-21' })).toBe('PUBLISHED_AT_IN_FUTURE');
  });

  it('refuses a url that is not http(s) and a title that is not one line, as BAD_USER_INPUT', () => {
    expect(codeOf({ ...ok, url: 'javascript:alert(1)' })).toBe('BAD_USER_INPUT');
    expect(codeOf({ ...ok, url: 'https://example.org/a' })).toBe('ACCEPTED');
    expect(codeOf({ ...ok, title: 'two\nlines' })).toBe('BAD_USER_INPUT');
    expect(codeOf({ ...ok, publisher: 'p'.repeat(301) })).toBe('BAD_USER_INPUT');
  });

  it('says which field is at fault, in words for a person', () => {
    try {
      checkExtractionInput({ ...ok, publishedAt: '2030-01-01' }, TODAY);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ExtractionInputError);
      expect((err as ExtractionInputError).field).toBe('publishedAt');
      expect((err as Error).message).toContain('2030-01-01');
    }
  });
});
