import type { EventDate } from './queries.ts';

/** "ON_BEHALF_OF" → "on behalf of". */
export function words(code: string): string {
  return code.toLowerCase().replaceAll('_', ' ');
}

const KIND_LABELS: Record<string, string> = {
  COUNTRY: 'country',
  ALLIANCE: 'alliance',
  IGO: 'intergovernmental organization',
  GOVERNMENT_BODY: 'government body',
  THINK_TANK: 'think tank',
  PERSON: 'person',
  GROUP: 'group',
  MEDIA: 'media',
  NGO: 'NGO',
  COMPANY: 'company',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? words(kind);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-02-01" → "Feb 2022". */
export function monthLabel(isoDate: string): string {
  const [y, m] = isoDate.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

const PRECISION: Record<EventDate['precision'], string> = {
  DAY: 'known to the day',
  MONTH: 'known to the month',
  YEAR: 'known to the year',
};

/** The interval as a reader says it: "2022-02-09", or "2022-01-21 – 2022-01-31". */
export function dateRange(d: Pick<EventDate, 'earliest' | 'latest'>): string {
  return d.earliest === d.latest ? d.earliest : `${d.earliest} – ${d.latest}`;
}

/** "known to the month, late". */
export function precisionLabel(d: EventDate): string {
  return d.qualifier ? `${PRECISION[d.precision]}, ${words(d.qualifier)}` : PRECISION[d.precision];
}

export function number(n: number, digits = 1): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(digits);
}

export function signed(n: number | null, digits = 2): string {
  if (n === null) return '—';
  const s = n.toFixed(digits);
  return n > 0 ? `+${s}` : s;
}

/** Cooperation, conflict or neither, from a Goldstein score (−10 … +10). */
export function tone(goldstein: number | null): 'coop' | 'conflict' | 'neutral' {
  if (goldstein === null) return 'neutral';
  if (goldstein >= 0.5) return 'coop';
  if (goldstein <= -0.5) return 'conflict';
  return 'neutral';
}

export const TONE_LABELS = { coop: 'cooperation', conflict: 'conflict', neutral: 'neutral' } as const;

/** QuadClass 1–4 → a CSS class and a label. */
export const QUAD_CLASSES: Record<number, { css: string; label: string }> = {
  1: { css: 'q1', label: 'verbal cooperation' },
  2: { css: 'q2', label: 'material cooperation' },
  3: { css: 'q3', label: 'verbal conflict' },
  4: { css: 'q4', label: 'material conflict' },
};

/** Folds case and accents the way the search does, to show which alias matched. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
