import { z } from 'zod';
import { LexiconError, type LexiconSet, memoizeLexicon } from '../lexicons.ts';
import { fold } from '../text/fold.ts';
import { type CompiledPattern, compilePattern } from '../text/patterns.ts';
import { LANGUAGES, type Language } from '../types.ts';

/** `data/lexicons/<lang>/dates.json`: the words the date finder needs beyond chrono-node. */

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case ASCII words with hyphens');
// Phrases that are matched immediately before or after a date: no gaps, or "ends right before" breaks.
const phrase = z
  .string()
  .min(1)
  .refine((s) => !s.includes('~'), 'gaps (~) are not allowed here');
const phrases = z.array(phrase).default([]);

const dateFile = z
  .object({
    language: z.enum(LANGUAGES),
    months: z
      .array(
        z.object({
          id,
          month: z.number().int().min(1).max(12),
          forms: z.array(z.string().min(1)).min(1),
          abbreviations: z.array(z.string().min(1)).default([]),
        }),
      )
      .length(12),
    monthPrepositions: phrases,
    dayPrepositions: phrases,
    /** The word between the two days of a range ("od 5 do 7 lutego"), where chrono does not read it. */
    rangeTo: phrases,
    /** "depuis", "since", "seit", "od": a day from which something lasts up to publication. */
    since: phrases,
    monthParts: z.array(
      z.object({ id, qualifier: z.enum(['EARLY', 'MID', 'LATE']), patterns: z.array(phrase).min(1) }),
    ),
    monthPartLinks: phrases,
    yearPrepositions: phrases,
    yearSuffixes: phrases,
    relativeDays: z.array(
      z.object({
        id,
        offset: z.number().int().min(-7).max(7),
        patterns: z.array(phrase).min(1),
        notPrecededBy: z.array(z.string()).default([]),
        notFollowedBy: z.array(z.string()).default([]),
      }),
    ),
    weekdays: z
      .array(
        z.object({ id, weekday: z.number().int().min(0).max(6), forms: z.array(z.string().min(1)).min(1) }),
      )
      .length(7),
    weekdayPrepositions: phrases,
    weekdayModifiers: z
      .array(
        z.object({
          id,
          direction: z.enum(['PAST', 'FUTURE']),
          position: z.enum(['BEFORE', 'AFTER']),
          pattern: phrase,
        }),
      )
      .default([]),
    /** "mai dernier", "last May", "im vergangenen Mai": a month the text places before or after publication. */
    monthModifiers: z
      .array(
        z.object({
          id,
          direction: z.enum(['PAST', 'FUTURE']),
          position: z.enum(['BEFORE', 'AFTER']),
          pattern: phrase,
        }),
      )
      .default([]),
    /** "la semaine prochaine", "last month", "в прошлом году": the week, month or year `offset` from publication's. */
    relativePeriods: z
      .array(
        z.object({
          id,
          unit: z.enum(['WEEK', 'MONTH', 'YEAR']),
          offset: z.number().int().min(-1).max(1),
          patterns: z.array(phrase).min(1),
          notPrecededBy: z.array(z.string()).default([]),
        }),
      )
      .default([]),
    /** Number words for "three days ago"; digits are read as digits. */
    numbers: z
      .array(z.object({ value: z.number().int().min(1).max(10), forms: z.array(z.string().min(1)).min(1) }))
      .default([]),
    /** "il y a # jours", "# days ago": `#` stands for the number, once. */
    daysAgo: z
      .array(
        z.object({
          id,
          pattern: phrase.refine((s) => s.split('#').length === 2, 'a days-ago pattern holds one "#"'),
        }),
      )
      .default([]),
    /**
     * "ce jour-là", "the next day", "днём ранее", "drei Tage später", "dzień wcześniej": a day
     * counted from the day the text stated just before, not from publication. `offset` days per
     * unit; a pattern may hold one "#", the number of days ("# jours plus tard").
     */
    anaphoricDays: z
      .array(
        z.object({
          id,
          offset: z.number().int().min(-2).max(2),
          patterns: z
            .array(
              phrase.refine((s) => s.split('#').length <= 2, 'an anaphoric pattern holds one "#" at most'),
            )
            .min(1),
          /** Patterns (`stem*`, `*ending`, `a|b`) of what may not follow: "la veille du sommet". */
          notFollowedBy: phrases,
        }),
      )
      .default([]),
  })
  .superRefine((file, ctx) => {
    const ids = [
      ...file.months,
      ...file.monthParts,
      ...file.relativeDays,
      ...file.weekdays,
      ...file.weekdayModifiers,
      ...file.monthModifiers,
      ...file.relativePeriods,
      ...file.daysAgo,
      ...file.anaphoricDays,
    ].map((e) => e.id);
    const seen = new Set<string>();
    for (const entryId of ids) {
      if (seen.has(entryId)) ctx.addIssue({ code: 'custom', message: `duplicate id "${entryId}"` });
      seen.add(entryId);
    }
    if (new Set(file.months.map((m) => m.month)).size !== 12)
      ctx.addIssue({ code: 'custom', message: 'months must name each month once' });
    if (new Set(file.weekdays.map((w) => w.weekday)).size !== 7)
      ctx.addIssue({ code: 'custom', message: 'weekdays must name each day once' });
  });

/** A word form: matched on its folded text; a form written with a capital needs one in the text. */
export interface WordForm<T> {
  value: T;
  /** `<lang>/dates#<id>`. */
  entry: string;
  capitalised: boolean;
}

/** A phrase pattern; `dot` when the lexicon wrote it with a final "." the quote should keep (`r.`, `г.`). */
export interface Phrase {
  pattern: CompiledPattern;
  dot: boolean;
}

export interface MonthPart {
  entry: string;
  qualifier: 'EARLY' | 'MID' | 'LATE';
  patterns: Phrase[];
}

export interface RelativeDay {
  entry: string;
  offset: number;
  patterns: Phrase[];
  notPrecededBy: Set<string>;
  notFollowedBy: Set<string>;
}

export interface WeekdayModifier {
  entry: string;
  direction: 'PAST' | 'FUTURE';
  pattern: Phrase;
}

export type PeriodUnit = 'WEEK' | 'MONTH' | 'YEAR';

export interface RelativePeriod {
  entry: string;
  unit: PeriodUnit;
  offset: number;
  patterns: Phrase[];
  notPrecededBy: Set<string>;
}

/** "il y a # jours": the words before and after the number; either may be empty. */
export interface DaysAgo {
  entry: string;
  before: Phrase | null;
  after: Phrase | null;
}

/** A phrase of an anaphoric day: the words before and after the number, or `before` alone when it has none. */
export interface CountedPhrase {
  before: Phrase | null;
  after: Phrase | null;
  counted: boolean;
}

export interface AnaphoricDay {
  entry: string;
  /** Days per unit: 0 the same day, -1 before, +1 after. */
  offset: number;
  patterns: CountedPhrase[];
  notFollowedBy: Phrase[];
}

export interface DatesLexicon {
  language: Language;
  /** Folded full form → month (1–12). */
  months: Map<string, WordForm<number>>;
  /** Folded abbreviation → month; only trusted next to a day number or inside a chrono date. */
  monthAbbreviations: Map<string, WordForm<number>>;
  monthPrepositions: Phrase[];
  dayPrepositions: Phrase[];
  rangeTo: Phrase[];
  /** Matches text that ends with a "since" word (what stands before a date), case-folded. */
  sinceBefore: RegExp | null;
  /** Matches a date's quote that begins with a "since" word. */
  sinceStart: RegExp | null;
  monthParts: MonthPart[];
  monthPartLinks: Phrase[];
  yearPrepositions: Phrase[];
  yearSuffixes: Phrase[];
  relativeDays: RelativeDay[];
  /** Folded form → weekday (0 = Sunday, as `Date.getUTCDay`). */
  weekdays: Map<string, WordForm<number>>;
  weekdayPrepositions: Phrase[];
  modifiersBefore: WeekdayModifier[];
  modifiersAfter: WeekdayModifier[];
  monthModifiersBefore: WeekdayModifier[];
  monthModifiersAfter: WeekdayModifier[];
  relativePeriods: RelativePeriod[];
  /** The relative years alone: they follow a month or a part of one ("в мае прошлого года"). */
  relativeYears: RelativePeriod[];
  /** Folded number word → value. */
  numbers: Map<string, number>;
  daysAgo: DaysAgo[];
  anaphoricDays: AnaphoricDay[];
  /** The folded words an anaphoric day can begin with (number words included), or null. */
  anaphoricStarts: Set<string> | null;
  /**
   * Folded words a period or days-ago phrase can begin with (besides digits), or null when one
   * begins with a wildcard: most tokens are skipped on one lookup (findDates reads every sentence).
   */
  periodStarts: Set<string> | null;
  /** The same for parts of months and for today/yesterday words. */
  partStarts: Set<string> | null;
  relativeDayStarts: Set<string> | null;
}

/** A word as a token would hold it: folded, without the apostrophe that splits tokens (`d'` → `d`). */
const bareWord = (word: string) => fold(word).replace(/[^\p{L}\p{N}\p{M}]/gu, '');

/** The folded words a pattern's first token may be, or null when it is a wildcard (`stem*`). */
function firstWords(source: string): string[] | null {
  const element = source.trim().split(/\s+/)[0] ?? '';
  const words: string[] = [];
  for (const alternative of element.split('|')) {
    if (alternative.includes('*')) return null;
    const first = fold(alternative)
      .split(/[^\p{L}\p{N}\p{M}]+/u)
      .find(Boolean);
    if (first) words.push(first);
  }
  return words;
}

function startSet(words: (string[] | null)[]): Set<string> | null {
  return words.some((w) => w === null) ? null : new Set(words.flatMap((w) => w ?? []));
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.')}: ${i.message}`)
    .join('; ');
}

function parseLanguage(set: LexiconSet, lang: Language): DatesLexicon {
  const raw = set.byLanguage[lang]?.dates;
  if (raw === undefined) throw new LexiconError(`${lang}/dates.json is missing`);
  const parsed = dateFile.safeParse(raw);
  if (!parsed.success) throw new LexiconError(`${lang}/dates.json: ${issues(parsed.error)}`);
  const file = parsed.data;
  if (file.language !== lang)
    throw new LexiconError(`${lang}/dates.json says its language is ${file.language}`);
  const entry = (entryId: string) => `${lang}/dates#${entryId}`;
  const compile = (source: string, where: string): Phrase => {
    try {
      return { pattern: compilePattern(source), dot: source.trim().endsWith('.') };
    } catch (error) {
      throw new LexiconError(`${lang}/dates.json ${where}: ${(error as Error).message}`);
    }
  };
  const list = (sources: string[], where: string) => sources.map((s) => compile(s, where));
  const forms = <T>(target: Map<string, WordForm<T>>, words: string[], value: T, entryId: string) => {
    for (const word of words) {
      target.set(fold(word), { value, entry: entry(entryId), capitalised: /^\p{Lu}/u.test(word) });
    }
  };

  const months = new Map<string, WordForm<number>>();
  const monthAbbreviations = new Map<string, WordForm<number>>();
  for (const m of file.months) {
    forms(months, m.forms, m.month, m.id);
    forms(monthAbbreviations, m.abbreviations, m.month, m.id);
  }
  const weekdays = new Map<string, WordForm<number>>();
  for (const w of file.weekdays) forms(weekdays, w.forms, w.weekday, w.id);
  const modifiers = file.weekdayModifiers.map((m) => ({
    position: m.position,
    modifier: { entry: entry(m.id), direction: m.direction, pattern: compile(m.pattern, m.id) },
  }));
  const monthModifiers = file.monthModifiers.map((m) => ({
    position: m.position,
    modifier: { entry: entry(m.id), direction: m.direction, pattern: compile(m.pattern, m.id) },
  }));
  const relativePeriods = file.relativePeriods.map((r) => ({
    entry: entry(r.id),
    unit: r.unit,
    offset: r.offset,
    patterns: list(r.patterns, r.id),
    notPrecededBy: new Set(r.notPrecededBy.map(bareWord)),
  }));
  const numbers = new Map<string, number>();
  for (const n of file.numbers) for (const form of n.forms) numbers.set(fold(form), n.value);
  const daysAgo = file.daysAgo.map((d) => {
    const [before, after] = d.pattern.split('#').map((part) => part.trim());
    return {
      entry: entry(d.id),
      before: before ? compile(before, d.id) : null,
      after: after ? compile(after, d.id) : null,
    };
  });
  const starts = [
    ...file.relativePeriods.flatMap((r) => r.patterns),
    ...file.daysAgo.map((d) => d.pattern.split('#')[0]!.trim()).filter(Boolean),
  ].map(firstWords);
  // A days-ago phrase may begin with its number: number words count, digits are tested apart.
  const periodStarts = startSet([...starts, [...numbers.keys()]]);
  const partStarts = startSet(file.monthParts.flatMap((p) => p.patterns).map(firstWords));
  const relativeDayStarts = startSet(file.relativeDays.flatMap((r) => r.patterns).map(firstWords));
  const anaphoricDays = file.anaphoricDays.map((a) => ({
    entry: entry(a.id),
    offset: a.offset,
    patterns: a.patterns.map((source): CountedPhrase => {
      if (!source.includes('#')) return { before: compile(source, a.id), after: null, counted: false };
      const [before, after] = source.split('#').map((part) => part.trim());
      return {
        before: before ? compile(before, a.id) : null,
        after: after ? compile(after, a.id) : null,
        counted: true,
      };
    }),
    notFollowedBy: list(a.notFollowedBy, a.id),
  }));
  const anaphoricStarts = startSet(
    file.anaphoricDays.flatMap((a) =>
      a.patterns.map((p) => {
        const before = p.split('#')[0]!.trim();
        return before ? firstWords(before) : [...numbers.keys()];
      }),
    ),
  );

  return {
    language: lang,
    months,
    monthAbbreviations,
    monthPrepositions: list(file.monthPrepositions, 'monthPrepositions'),
    dayPrepositions: list(file.dayPrepositions, 'dayPrepositions'),
    rangeTo: list(file.rangeTo, 'rangeTo'),
    ...sinceRegExps(file.since),
    monthParts: file.monthParts.map((p) => ({
      entry: entry(p.id),
      qualifier: p.qualifier,
      patterns: list(p.patterns, p.id),
    })),
    monthPartLinks: list(file.monthPartLinks, 'monthPartLinks'),
    yearPrepositions: list(file.yearPrepositions, 'yearPrepositions'),
    yearSuffixes: list(file.yearSuffixes, 'yearSuffixes'),
    relativeDays: file.relativeDays.map((r) => ({
      entry: entry(r.id),
      offset: r.offset,
      patterns: list(r.patterns, r.id),
      notPrecededBy: new Set(r.notPrecededBy.map(bareWord)),
      notFollowedBy: new Set(r.notFollowedBy.map(bareWord)),
    })),
    weekdays,
    weekdayPrepositions: list(file.weekdayPrepositions, 'weekdayPrepositions'),
    modifiersBefore: modifiers.filter((m) => m.position === 'BEFORE').map((m) => m.modifier),
    modifiersAfter: modifiers.filter((m) => m.position === 'AFTER').map((m) => m.modifier),
    monthModifiersBefore: monthModifiers.filter((m) => m.position === 'BEFORE').map((m) => m.modifier),
    monthModifiersAfter: monthModifiers.filter((m) => m.position === 'AFTER').map((m) => m.modifier),
    relativePeriods,
    relativeYears: relativePeriods.filter((r) => r.unit === 'YEAR'),
    numbers,
    daysAgo,
    anaphoricDays,
    anaphoricStarts,
    periodStarts,
    partStarts,
    relativeDayStarts,
  };
}

const parseAll = memoizeLexicon((set) => {
  const out = new Map<Language, DatesLexicon>();
  return (lang: Language) => {
    let lexicon = out.get(lang);
    if (!lexicon) {
      lexicon = parseLanguage(set, lang);
      out.set(lang, lexicon);
    }
    return lexicon;
  };
});

/** The parsed dates lexicon of one language, parsed once per LexiconSet (throws LexiconError). */
export function datesLexicon(set: LexiconSet, lang: Language): DatesLexicon {
  return parseAll(set)(lang);
}

/** The "since" words as two expressions: before a date, and at the start of its quote. */
function sinceRegExps(words: readonly string[]): { sinceBefore: RegExp | null; sinceStart: RegExp | null } {
  if (words.length === 0) return { sinceBefore: null, sinceStart: null };
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      w
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s+'),
    )
    .join('|');
  return {
    sinceBefore: new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternatives})\\s+$`, 'iu'),
    sinceStart: new RegExp(`^(?:${alternatives})\\s`, 'iu'),
  };
}
