/**
 * A small localisation layer per element (not @lit/localize's page-wide singleton, which an embedded
 * SDK must not configure). French is the source and default; English second. The language is the
 * element's own `lang` attribute, else the nearest ancestor's `[lang]`, else the page's.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Languages the SDK speaks. */
export type Lang = 'fr' | 'en';

/** Reduces any BCP 47 tag to a supported language (`en-GB` → `en`, anything else → `fr`). */
export const toLang = (tag: string | null | undefined): Lang => (tag && /^en\b/i.test(tag) ? 'en' : 'fr');

/** A message: a string with `{name}` placeholders, or a function of the parameters. */
export type Message = string | ((p: Record<string, unknown>) => string);
/** A catalogue: French is complete; English may omit keys (French is then used). */
export interface Catalogue<K extends string> {
  fr: Record<K, Message>;
  en: Partial<Record<K, Message>>;
}

/** Something whose English half is loaded on demand (a {@link LazyCatalogue}, as a {@link LangController} sees it). */
export interface EnglishSource {
  /** True once the English messages are there. */
  readonly enLoaded: boolean;
  /** Loads the English messages (once: later calls share the first load; a failed load may be tried again). */
  loadEn(): Promise<void>;
}

/**
 * A widget's catalogue under the SDK's i18n policy: the French messages ship with the widget, the English ones
 * live in their own module (`messages-en.ts`), fetched by a dynamic `import()` only where an element speaks English.
 * `en` is empty until then; {@link translate} falls back to French meanwhile, so no key is ever shown.
 */
export interface LazyCatalogue<K extends string> extends Catalogue<K>, EnglishSource {}

/**
 * Makes a {@link LazyCatalogue} from the French messages and a loader of the English ones, which must call
 * `import('./messages-en.js')` with that literal specifier, so that bundlers split the English into their own chunk.
 */
export function lazyCatalogue<K extends string>(fr: Record<K, Message>, load: () => Promise<Partial<Record<K, Message>>>): LazyCatalogue<K> {
  let pending: Promise<void> | undefined;
  const cat: LazyCatalogue<K> & { enLoaded: boolean } = {
    fr,
    en: {},
    enLoaded: false,
    loadEn: () =>
      (pending ??= load().then(
        (en) => {
          Object.assign(cat.en, en);
          cat.enLoaded = true;
        },
        (e: unknown) => {
          pending = undefined;
          throw e;
        },
      )),
  };
  return cat;
}

/** Formats a message of a catalogue. */
export function translate<K extends string>(cat: Catalogue<K>, lang: Lang, key: K, params: Record<string, unknown> = {}): string {
  const m = (lang === 'en' ? cat.en[key] : undefined) ?? cat.fr[key];
  if (typeof m === 'function') return m(params);
  return m.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

/** Chooses a plural form with Intl.PluralRules (`one` / `other`). */
export function plural(lang: Lang, n: number, forms: { one: string; other: string; zero?: string }): string {
  if (n === 0 && forms.zero) return forms.zero;
  const rule = new Intl.PluralRules(lang === 'en' ? 'en' : 'fr').select(n);
  return (rule === 'one' ? forms.one : forms.other).replace('{n}', formatNumber(n, lang));
}

/** Number in the locale (« 12 345 » in French). */
export const formatNumber = (n: number, lang: Lang, opts?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', opts).format(n);

/** Money in euros (« 1 234,56 € »). */
export const formatMoney = (n: number, lang: Lang, opts: { cents?: boolean } = {}): string =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: opts.cents === false ? 0 : 2,
    maximumFractionDigits: opts.cents === false ? 0 : 2,
  }).format(n);

/** Date (« 23 novembre 2026 », « 1er août 2024 ») from an ISO date string or a Date; dates without a time are read as calendar days. */
export function formatDate(d: string | Date, lang: Lang, opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }): string {
  const date = typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? new Date(`${d}T12:00:00Z`) : new Date(d);
  if (Number.isNaN(date.getTime())) return String(d);
  const dateOnly = typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
  const f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { ...opts, ...(dateOnly ? { timeZone: 'UTC' } : {}) });
  if (lang === 'en' || !opts.month || opts.month === 'numeric' || opts.month === '2-digit') return f.format(date);
  // French writes the first day of a month as an ordinal: « 1er août 2024 » (Intl gives « 1 août 2024 »)
  return f
    .formatToParts(date)
    .map((p) => (p.type === 'day' && Number(p.value) === 1 ? '1er' : p.value))
    .join('');
}

/** Today's date on the device, as YYYY-MM-DD (for widgets; headless code takes the date as an argument). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Distance (« 800 m », « 12,5 km »). */
export function formatDistance(km: number, lang: Lang): string {
  if (km < 1) return `${formatNumber(Math.round(km * 100) * 10, lang)} m`;
  return `${formatNumber(km < 10 ? Math.round(km * 10) / 10 : Math.round(km), lang)} km`;
}

/**
 * Tracks the language of an element: its `lang` attribute, else the nearest `[lang]` ancestor
 * (across shadow roots), else `<html lang>`. Re-renders the host when it changes.
 *
 * With catalogues whose English is loaded on demand ({@link LazyCatalogue}), `lang` turns to `en` only once their
 * English has arrived: the element renders in French (all of it: words, dates, numbers) until then, then re-renders
 * in English. `requested` is the language the page asks for; `ready` settles when `lang` has caught up with it.
 */
export class LangController implements ReactiveController {
  private observer?: MutationObserver;
  /** The language the element renders in. */
  lang: Lang = 'fr';
  /** The language the element's `lang` attribute or its ancestors ask for. */
  requested: Lang = 'fr';
  private loading?: Promise<void>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly sources: readonly EnglishSource[] = [],
  ) {
    host.addController(this);
  }

  /** Settles when the element can render in the language asked for (at once unless English is on its way). */
  get ready(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  private read(): Lang {
    let node: Node | null = this.host;
    while (node) {
      if (node instanceof Element && node.hasAttribute('lang')) return toLang(node.getAttribute('lang'));
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return 'fr';
  }

  /** Sets `lang` to the language asked for if its messages are there, else loads them and keeps French meanwhile. */
  private resolve(): boolean {
    this.requested = this.read();
    const missing = this.requested === 'en' ? this.sources.filter((s) => !s.enLoaded) : [];
    if (missing.length && !this.loading) {
      this.loading = Promise.all(missing.map((s) => s.loadEn())).then(
        () => {
          this.loading = undefined;
          this.update();
        },
        () => {
          // English did not arrive (offline, blocked): the element stays in French; the next change of language tries again
          this.loading = undefined;
        },
      );
    }
    const next: Lang = missing.length ? 'fr' : this.requested;
    if (next === this.lang) return false;
    this.lang = next;
    return true;
  }

  private update = (): void => {
    if (this.resolve()) this.host.requestUpdate();
  };

  hostConnected(): void {
    this.resolve();
    this.observer = new MutationObserver(this.update);
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    if (typeof document !== 'undefined') {
      this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }
}
