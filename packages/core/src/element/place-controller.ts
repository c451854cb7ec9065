import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEPARTEMENT_CODES, Gazetteer, departementOf, type Commune } from '../geo/gazetteer.js';

/** Where the person's position comes from (the browser's Geolocation API by default; tests give their own). */
export type Locate = () => Promise<{ lat: number; lon: number }>;

/** The browser's position: rejects when the API is missing or the person refuses (10 s timeout, 10 min cache). */
export const browserLocate: Locate = () =>
  new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return reject(new Error('geolocation unavailable'));
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lat: pos.coords.latitude, lon: pos.coords.longitude }),
      (e) => reject(e instanceof Error ? e : new Error(e.message)),
      { timeout: 10_000, maximumAge: 600_000 },
    );
  });

/**
 * Communes for a widget, as a Lit reactive controller: the gazetteer of the départements it serves (loaded once, on
 * demand), a commune by its INSEE code, what the person typed resolved to a commune, the suggestions of a commune
 * combobox (with the active option, for `aria-activedescendant`), and the person's position.
 */
export class PlaceController implements ReactiveController {
  /** Communes suggested for the text of the combobox (empty: the list is closed). */
  suggestions: Commune[] = [];
  /** Index of the active suggestion, -1 when none. */
  active = -1;
  private served: Promise<Gazetteer> | undefined;
  private servedKey = '';
  private readonly wide = new Map<string, Promise<Gazetteer>>();
  private typed = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly opts: {
      /** The départements the widget serves (empty: no scope). */
      departements: () => readonly string[];
      locate?: Locate;
    },
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    // a widget taken out of the page keeps no open list (nor a pending suggestion)
    this.suggestions = [];
    this.active = -1;
    this.typed = '';
  }

  /** The gazetteer of the given départements, else of those served (cached while they stay the same). */
  gazetteer(departements?: readonly string[]): Promise<Gazetteer> {
    if (departements) return Gazetteer.load({ departements: [...departements] });
    const deps = this.opts.departements();
    const key = deps.join(',');
    if (!this.served || key !== this.servedKey) {
      this.servedKey = key;
      const p = Gazetteer.load(deps.length ? { departements: [...deps] } : {});
      // a failed load is tried again next time
      p.catch(() => {
        if (this.served === p) this.served = undefined;
      });
      this.served = p;
    }
    return this.served;
  }

  /** A commune by its INSEE code (its département's file only); `undefined` when unknown. */
  async commune(code: string): Promise<Commune | undefined> {
    return (await this.gazetteer([departementOf(code)])).get(code);
  }

  /**
   * What the person typed, as a commune: a name (among the départements served), a postcode (its département), or
   * the field as it is shown after an answer, « Clamecy (58500) »; `null` when nothing matches.
   */
  async resolve(typed: string): Promise<Commune | null> {
    const text = typed.trim();
    if (!text) return null;
    const named = /^(.+?)\s*\((\d{5})\)$/.exec(text);
    const pc = /^\d{5}$/.test(text) ? text : named ? named[2]! : null;
    const fromPostcode = pc ? (pc.startsWith('20') ? ['2A', '2B'] : [departementOf(pc)]) : null;
    const deps = this.opts.departements();
    const g = await Gazetteer.load({ departements: fromPostcode ?? (deps.length ? [...deps] : undefined) });
    if (named) {
      const hits = g.search(named[1]!, { limit: 10 });
      return hits.find((c) => c.postcodes.includes(named[2]!)) ?? hits[0] ?? null;
    }
    return g.search(text, { limit: 1 })[0] ?? null;
  }

  /**
   * Where to look for a commune not found among the départements served (Auxerre, beside the Nièvre): a postcode's
   * département, else the neighbouring départements, else (`all`, or no scope) the whole of France. Cached.
   */
  wider(typed: string, all: boolean): Promise<Gazetteer> {
    const pc = /^(\d{2})\d{3}$/.exec(typed.trim())?.[1];
    const key = pc ? `pc${pc}` : all ? 'france' : 'near';
    let g = this.wide.get(key);
    if (!g) {
      const served = this.opts.departements();
      // a postcode: its département (20xxx: both of Corsica; 97x: overseas, whose postcodes start with the code)
      const byPostcode = pc === '20' ? ['2A', '2B'] : pc === '97' ? DEPARTEMENT_CODES.filter((d) => d.startsWith('97')) : pc ? [pc] : [];
      const p = Gazetteer.load(pc ? { departements: byPostcode } : all || !served.length ? {} : { around: [...served] });
      this.wide.set(key, p);
      p.catch(() => this.wide.delete(key));
      g = p;
    }
    return g;
  }

  /**
   * Suggests communes for the text typed (from 2 characters); an older answer never replaces a newer one. With
   * `wider`, a text of 4 characters or more that matches nothing served is looked for around (see `wider`).
   */
  async suggest(text: string, opts: { limit?: number; wider?: boolean } = {}): Promise<void> {
    const limit = opts.limit ?? 8;
    this.typed = text;
    if (text.trim().length < 2) return this.close();
    let found = (await this.gazetteer()).search(text, { limit });
    if (text !== this.typed) return;
    if (!found.length && opts.wider && text.trim().length >= 4) {
      found = (await this.wider(text, false)).search(text, { limit });
      if (text !== this.typed) return;
    }
    this.suggestions = found;
    this.active = -1;
    this.host.requestUpdate();
  }

  /**
   * The combobox's keys: ↓ and ↑ move the active suggestion (wrapping), Entrée chooses it (`choose`), Échap closes the
   * list. Returns whether the key was used (its default action is then prevented).
   */
  keydown(e: KeyboardEvent, choose: (c: Commune) => void): boolean {
    const n = this.suggestions.length;
    if (!n) return false;
    if (e.key === 'ArrowDown') this.active = (this.active + 1) % n;
    else if (e.key === 'ArrowUp') this.active = (this.active - 1 + n) % n;
    else if (e.key === 'Enter' && this.active >= 0) {
      const c = this.suggestions[this.active]!;
      this.close();
      choose(c);
    } else if (e.key === 'Escape') this.close();
    else return false;
    e.preventDefault();
    this.host.requestUpdate();
    return true;
  }

  /** Closes the list of suggestions. */
  close(): void {
    this.suggestions = [];
    this.active = -1;
    this.typed = '';
    this.host.requestUpdate();
  }

  /** The person's position; rejects when it is not available. */
  locate(): Promise<{ lat: number; lon: number }> {
    return (this.opts.locate ?? browserLocate)();
  }
}
