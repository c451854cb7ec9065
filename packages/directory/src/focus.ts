/**
 * Where the focus, the scroll and the history go around the directory's views: the detail opened (a history entry of
 * its own with `sync-url`), the way back from it, the results revealed after a search (WCAG 2.4.3 focus order).
 */

/** After a search, what the person is shown: the results heading focused (a hand-off), the count in view (a tile, a submit). */
export type Reveal = 'focus' | 'scroll' | null;

/** The element that has the focus, through shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}

/** A detail the person opens is a history entry of its own (Back closes it); its address is written just after. */
export function pushDetailEntry(id: string): void {
  const state: unknown = history.state;
  history.pushState({ ...(state && typeof state === 'object' ? state : {}), relaisDetail: id }, '', location.href);
}

/** The current history entry is the detail `id` (opened by the person: going back closes it). */
export function isDetailEntry(id: string): boolean {
  return (history.state as { relaisDetail?: string } | null)?.relaisDetail === id;
}

/** The detail just rendered: scrolled into view, the focus on its heading. */
export function showDetail(root: ParentNode): void {
  root.querySelector<HTMLElement>('.detail')?.scrollIntoView({ block: 'start' });
  root.querySelector<HTMLElement>('#detail-title')?.focus({ preventScroll: true });
}

/**
 * The detail closed: the focus goes back where the person was (`elsewhere`, in another widget), else to the result
 * line `back` (its id), else to the results heading.
 */
export function focusBack(root: ParentNode, back: string | null, elsewhere: HTMLElement | null): void {
  if (elsewhere?.isConnected) return elsewhere.focus();
  const target = (back && root.querySelector<HTMLElement>(`#${back}`)) || root.querySelector<HTMLElement>('#results-title');
  if (!target) return;
  target.focus();
  // Back to an address with a fragment (`#contenu`): the browser then moves the focus to the page's body, after
  // this; while the person has not moved on, the focus is put back on the result line (WCAG 2.4.3)
  const keep = (e: FocusEvent): void => {
    if (e.relatedTarget) return;
    setTimeout(() => {
      const a = document.activeElement;
      if (!a || a === document.body) target.focus({ preventScroll: true });
    });
  };
  target.addEventListener('focusout', keep);
  setTimeout(() => target.removeEventListener('focusout', keep), 1000);
}

/**
 * Shows the results: a hand-off scrolls them into view and focuses their heading; a tile or a submitted search only
 * brings the count into view (the focus stays where the person is). Smooth scrolling unless reduced motion is asked.
 */
export function revealResults(root: ParentNode, how: Exclude<Reveal, null>): void {
  const behavior: ScrollBehavior = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  if (how === 'focus') {
    const h = root.querySelector<HTMLElement>('#results-title');
    h?.focus({ preventScroll: true });
    h?.scrollIntoView({ block: 'start', behavior });
  } else {
    root.querySelector<HTMLElement>('.status')?.scrollIntoView({ block: 'nearest', behavior });
  }
}
