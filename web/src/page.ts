import { type Child, fill } from './dom.ts';

/**
 * Shows a page in `main`: sets the document title, replaces the content and moves focus to
 * `focus` (by default the page's h1), so that keyboard and screen-reader users land on it.
 */
export function showPage(
  main: HTMLElement,
  title: string,
  content: Child[],
  focus?: HTMLElement | null,
): void {
  document.title = `${title} · Parley explorer`;
  fill(main, ...content);
  const target = focus ?? main.querySelector<HTMLElement>('h1');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
}
