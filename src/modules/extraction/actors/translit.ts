import { fold } from '../text/fold.ts';

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

/** `Sergueï Lavrov` → `serguei-lavrov`; `Сергей Шойгу` → `sergei-shoigu`. */
export function slugify(text: string): string {
  return transliterate(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
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
