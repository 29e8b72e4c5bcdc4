import { fold } from '../text/fold.ts';
import type { Language } from '../types.ts';

/**
 * Latin forms of names written in Cyrillic, for ids (docs/extraction.md: `Сергей Шойгу` →
 * `sergei-shoigu`) and for comparing the many spellings of one person's name.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Belarusian and Ukrainian letters, so that `Алейнік` and `Алейник` meet.
  і: 'i',
  ї: 'i',
  є: 'ye',
  ў: 'u',
  ґ: 'g',
};

export function hasCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}

/** Lower-case Latin: Cyrillic by the simple table above, other scripts folded (accents off). */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of fold(text)) out += CYRILLIC[ch] ?? ch;
  return out;
}

/**
 * `Sergueï Lavrov` → `serguei-lavrov`; `Сергей Шойгу` → `sergei-shoigu`; `Анатолий` → `anatoly`.
 * An id drops a letter's accent (`Plötner` → `plotner`, `Helanterä` → `helantera`): the
 * two-letter umlauts of folding are a German matching convention, not the name's spelling.
 * Cyrillic follows the English press: a final `-ий`/`-ый` is `-y` (Dmitry, Anatoly).
 */
export function slugify(text: string): string {
  // Letters that no accent decomposes into a Latin base letter: `Đurić` → `duric`, `Støre` → `store`.
  const plain = text
    .replace(/[äöüÄÖÜ]/g, (c) => c.normalize('NFD')[0]!)
    .replace(/[ĐđØøıÆæŒœ]/g, (c) => STROKED[c] ?? c);
  return transliterate(plain.replace(/([ИиЫы])[Йй](?!\p{L})/gu, 'ы'))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const STROKED: Record<string, string> = {
  Đ: 'D',
  đ: 'd',
  Ø: 'O',
  ø: 'o',
  ı: 'i',
  Æ: 'Ae',
  æ: 'ae',
  Œ: 'Oe',
  œ: 'oe',
};

/** Which romanisation the English press uses for a state's names written in Cyrillic. */
export type CyrillicConvention = 'RU' | 'UK';

/**
 * How French, German and Polish write Russian and Ukrainian names, read back into Cyrillic:
 * ordered, longest first, matched at each position of the lower-case name. `V` in a context
 * stands for a vowel. Only letters these transcriptions use; a name with others is left alone.
 */
type Rule = [RegExp, string];
const V = 'aeiouyаеёиоуыэюя';
const rules = (list: [string, string][]): Rule[] =>
  list.map(([re, out]) => [new RegExp(re.replaceAll('V', V), 'uy'), out]);
const TO_CYRILLIC: Record<'fr' | 'de' | 'pl', Rule[]> = {
  fr: rules([
    ['chtch', 'щ'],
    ['tch', 'ч'],
    ['ch', 'ш'],
    ['kh', 'х'],
    ['dj', 'дж'],
    ['zh|j', 'ж'],
    ['ts', 'ц'],
    ['iou', 'ю'],
    ['ou', 'у'],
    ['ss', 'с'],
    ['gu(?=[eiy])', 'г'],
    // Word-final ï is й (Sergueï, Nikolaï); inside a word a vowel of its own (Mikhaïl).
    ['ï(?!\\p{L})', 'й'],
    ['ï', 'и'],
    ['(?<=[^V])i(?!\\p{L})', 'ий'],
    // Poutine, Chtchoukine: French adds an e to a final -ин.
    ['ine(?!\\p{L})', 'ин'],
    ['ia', 'я'],
    ['io', 'ё'],
    ['x', 'кс'],
  ]),
  de: rules([
    ['schtsch', 'щ'],
    ['dsch', 'дж'],
    ['tsch', 'ч'],
    ['sch', 'ш'],
    ['ch', 'х'],
    ['sh', 'ж'],
    ['ts|z', 'ц'],
    ['ss', 'с'],
    ['(?<=[V])s(?=[V])', 'з'],
    ['ja', 'я'],
    ['ju', 'ю'],
    ['jo', 'ё'],
    ['je', 'е'],
    ['ij(?![V])', 'ий'],
    ['yj(?![V])', 'ый'],
    ['j', 'й'],
    ['w', 'в'],
    ['x', 'кс'],
  ]),
  pl: rules([
    ['szcz', 'щ'],
    ['sz', 'ш'],
    ['cz', 'ч'],
    ['rz|ż', 'ж'],
    ['dż', 'дж'],
    ['ch', 'х'],
    ['c', 'ц'],
    ['ł', 'л'],
    ['ś', 'сь'],
    ['ź', 'зь'],
    ['ń', 'нь'],
    ['ó', 'о'],
    ['ij(?![V])', 'ий'],
    ['yj(?![V])', 'ый'],
    ['(?<=[^V])ie', 'е'],
    ['(?<=[^V])ia', 'я'],
    ['(?<=[^V])iu', 'ю'],
    ['(?<=[^V])io', 'ё'],
    ['ja', 'я'],
    ['ju', 'ю'],
    ['jo', 'ё'],
    ['je', 'е'],
    ['j', 'й'],
    ['w', 'в'],
  ]),
};
const SINGLE: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  y: 'ы',
  w: 'в',
};
/** Letters a language's transcription of Cyrillic never writes: such a name is not one. */
const FOREIGN: Record<'fr' | 'de' | 'pl', RegExp> = {
  fr: /[wqäöüßłśżźćńąęó]|c(?!h)/u,
  de: /[qäöüßéèêëïîôûàâçłśżźćńąęó]|c(?!h)/u,
  pl: /[vqxäöüßéèêëïîôûàâç]/u,
};
/** The English press's table: the simple one, but ё is `yo` (Алёна → Alyona). */
const ENGLISH: Record<string, string> = { ...CYRILLIC, ё: 'yo' };

/** One word as a French, German or Polish text writes it → Cyrillic, or null if it cannot be one. */
function toCyrillic(word: string, language: 'fr' | 'de' | 'pl'): string | null {
  const lower = word.toLowerCase();
  if (FOREIGN[language].test(lower)) return null;
  // Accents the transcription does not rely on (é, ë) go; ï and Polish letters stay for the rules.
  const keep = language === 'fr' ? /ï/u : /[łśżźćńó]/u;
  let src = '';
  for (const ch of lower) src += keep.test(ch) ? ch : ch.normalize('NFD').replace(/\p{M}/gu, '');
  let out = '';
  let i = 0;
  outer: while (i < src.length) {
    for (const [re, cyr] of TO_CYRILLIC[language]) {
      re.lastIndex = i;
      const m = re.exec(src);
      if (m && m.index === i && m[0].length > 0) {
        out += cyr;
        i += m[0].length;
        continue outer;
      }
    }
    const ch = src[i]!;
    if (ch === 'h') out += 'h';
    else if (SINGLE[ch]) out += SINGLE[ch];
    else if (/\p{L}/u.test(ch)) return null;
    else out += ch;
    i++;
  }
  return out;
}

/** Cyrillic → the English press's Latin: `-ий` is `-y` in Russian names, `-yi` in Ukrainian ones. */
function cyrillicToEnglish(word: string, convention: CyrillicConvention): string {
  const end = convention === 'UK' ? 'yi' : 'y';
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    const next = word[i + 1];
    if ((ch === 'и' || ch === 'ы') && next === 'й' && !/\p{L}/u.test(word[i + 2] ?? '')) {
      out += end;
      i++;
      continue;
    }
    out += ENGLISH[ch] ?? ch;
  }
  return out;
}

/**
 * A Russian or Ukrainian name as a French, German or Polish text spells it, in the English
 * press's spelling that ids use (docs/extraction.md "Actor ids"): `Mikhaïl Oulianov` →
 * `Mikhail Ulyanov`, `Sergej Netschajew` → `Sergei Nechaev`, `Siergiej Andriejew` → `Sergei
 * Andreev`, `Mykola Solskyj` → `Mykola Solskyi`. A first name takes its conventional English
 * form when `englishFirstNames` (folded) holds one of the same skeleton (`Alexeï` → Alexei).
 * Null when a word cannot be such a transcription (`Müller`, `Macron`).
 */
export function englishRomanisation(
  name: string,
  language: Language,
  convention: CyrillicConvention,
  englishFirstNames: Iterable<string> = [],
): string | null {
  if (language !== 'fr' && language !== 'de' && language !== 'pl') return null;
  const parts = name.split(/([\s\-‐‑]+)/u);
  let out = '';
  let firstWord = true;
  for (const part of parts) {
    if (!/\p{L}/u.test(part)) {
      out += part;
      continue;
    }
    if (firstWord) {
      firstWord = false;
      const skel = loose(nameSkeleton(part));
      let conventional: string | undefined;
      for (const n of englishFirstNames)
        if (loose(nameSkeleton(n)) === skel) {
          conventional = n;
          break;
        }
      if (conventional) {
        out += capitalise(conventional);
        continue;
      }
    }
    const cyr = toCyrillic(part, language);
    if (cyr === null) return null;
    out += capitalise(cyrillicToEnglish(cyr, convention));
  }
  return out;
}

/** `x` and `ks` are one sound in a skeleton of a first name (Alexei, Aleksiej). */
function loose(skeleton: string): string {
  return skeleton.replace(/x/g, 'ks');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A spelling-blind key for one word of a name: French `Sergueï`, English `Sergey`, German
 * `Sergej`, Polish `Siergiej` and Russian `Сергей` all become `sergei`; `Ławrow`, `Lawrow`,
 * `Lavrov`, `Лавров` become `lavrov`. It only compares names; it is never shown.
 */
export function nameSkeleton(word: string): string {
  return transliterate(word)
    .replace(/[^a-z]/g, '')
    .replace(/gu(?=[ei])/g, 'g')
    .replace(/ou/g, 'u')
    .replace(/(sz|sch)/g, 'sh')
    .replace(/(cz|tsch)/g, 'ch')
    .replace(/kh/g, 'h')
    .replace(/w/g, 'v')
    .replace(/ie/g, 'e')
    .replace(/[jy]/g, 'i')
    .replace(/(.)\1+/g, '$1');
}
