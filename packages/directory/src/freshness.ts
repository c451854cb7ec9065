/** Freshness of a record: « À vérifier » when its `date_maj` is older than the element's `stale-after-months`. */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from './messages.js';

/** True when `dateMaj` (YYYY-MM-DD) is more than `months` months before `now`; `months` 0 (or less) turns it off. */
export function isStale(dateMaj: string | null | undefined, months: number, now: Date = new Date()): boolean {
  if (!(months > 0) || !dateMaj || !/^\d{4}-\d{2}-\d{2}/.test(dateMaj)) return false;
  const cut = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - Math.floor(months), now.getUTCDate()));
  return dateMaj.slice(0, 10) < cut.toISOString().slice(0, 10);
}

/** The « À vérifier » badge (text, not colour only) with its explanation for screen readers, or nothing. */
export function staleBadge(t: (key: MessageKey, p?: Record<string, unknown>) => string, dateMaj: string | null | undefined, months: number | undefined, id: string): TemplateResult | typeof nothing {
  const n = months ?? 12;
  if (!isStale(dateMaj, n)) return nothing;
  return html`<span class="stale" id=${id}>${t('stale')}<span class="visually-hidden"> : ${t('staleHint', { n })}</span></span>`;
}
