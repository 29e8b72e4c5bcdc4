// `npm run lang:measure`: accuracy per language and detector on our own short sentences
// (tests/fixtures/language/<lang>.txt), on each whole sentence and on its first three words,
// the time per call, and each detector's load time in a fresh process.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { franc } from 'franc';
import { detectLanguage } from '../src/modules/extraction/text/language.ts';
import { LANGUAGES, type Language } from '../src/modules/extraction/types.ts';

type Detect = (text: string) => string | null;

const fixtures = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    readFileSync(new URL(`../tests/fixtures/language/${lang}.txt`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim()),
  ]),
) as Record<Language, string[]>;
const firstWords = (s: string) => s.split(/\s+/).slice(0, 3).join(' ');

const ISO3: Record<string, Language> = { fra: 'fr', eng: 'en', rus: 'ru', deu: 'de', pol: 'pl' };
const detectors: Record<string, Detect> = {};
const loads: Record<string, string> = {
  franc: "const {franc}=await import('franc'); franc('le monde entier ici', {only:['fra','eng']});",
};
for (const size of ['large', 'medium', 'small', 'extrasmall']) {
  const { eld } = await import(`eld/${size}`);
  const instance = eld.newInstance();
  instance.setLanguageSubset([...LANGUAGES]);
  detectors[`eld-${size}`] = (text) => instance.detect(text).language || null;
  loads[`eld-${size}`] =
    `const {eld}=await import('eld/${size}'); const i=eld.newInstance(); i.setLanguageSubset(['fr','en','ru','de','pl']); i.detect('le monde entier');`;
}
detectors.franc = (text) => ISO3[franc(text, { only: Object.keys(ISO3), minLength: 1 })] ?? null;
detectors['parley (detectLanguage)'] = (text) => detectLanguage(text).language;

function loadMs(code: string): number {
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `const t=performance.now(); ${code} console.log(performance.now()-t)`],
    { cwd: new URL('..', import.meta.url), encoding: 'utf8' },
  );
  return Number(out.trim());
}

const pad = (s: string, n: number) => s.padEnd(n);
process.stdout.write(
  `${pad('detector', 24)}${LANGUAGES.map((l) => pad(l, 12)).join('')}${pad('µs/call', 9)}load\n`,
);
process.stdout.write(`${' '.repeat(24)}${LANGUAGES.map(() => pad('full  3 w.', 12)).join('')}\n`);
for (const [name, detect] of Object.entries(detectors)) {
  for (const s of fixtures.en.slice(0, 20)) detect(s);
  const cells: string[] = [];
  let calls = 0;
  let ms = 0;
  for (const lang of LANGUAGES) {
    let full = 0;
    let short = 0;
    const started = performance.now();
    for (const s of fixtures[lang]) {
      if (detect(s) === lang) full += 1;
      if (detect(firstWords(s)) === lang) short += 1;
      calls += 2;
    }
    ms += performance.now() - started;
    const n = fixtures[lang].length;
    cells.push(pad(`${(full / n).toFixed(2)}  ${(short / n).toFixed(2)}`, 12));
  }
  const load = loads[name] ? `${loadMs(loads[name]).toFixed(0)} ms` : '(eld-small + the rule)';
  process.stdout.write(
    `${pad(name, 24)}${cells.join('')}${pad(((ms * 1000) / calls).toFixed(0), 9)}${load}\n`,
  );
}

// The script rules: are they safe on these sentences?
const cyrillicOnly = (s: string) => !/\p{Script=Latin}/u.test(s) && /\p{Script=Cyrillic}/u.test(s);
const polish = /[ąęłńśźżĄĘŁŃŚŹŻ]/u;
const others = (lang: Language) => LANGUAGES.filter((l) => l !== lang).flatMap((l) => fixtures[l]);
process.stdout.write(
  `\nCyrillic and no Latin letter: ru ${fixtures.ru.filter(cyrillicOnly).length}/${fixtures.ru.length}, other languages ${others('ru').filter(cyrillicOnly).length}/${others('ru').length}\n` +
    `A letter of ą ę ł ń ś ź ż: pl ${fixtures.pl.filter((s) => polish.test(s)).length}/${fixtures.pl.length}, other languages ${others('pl').filter((s) => polish.test(s)).length}/${others('pl').length}\n`,
);
