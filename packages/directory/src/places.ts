/**
 * The directory's place field: the place searched (a commune, or the person's position), what is typed, its error,
 * over core's `PlaceController` (the communes of the départements served — else of the page's commune's département,
 * else of all of France —, a wider gazetteer for a commune typed outside them, the combobox, geolocation).
 */
import type { ReactiveControllerHost } from 'lit';
import { PlaceController, departementOf, type Commune } from '@relais/core';
import type { SearchFormHandlers, SearchFormState } from './render/search-form.js';
import type { MessageKey } from './messages.js';

export type Place = { kind: 'commune'; code: string; name: string } | { kind: 'near'; lat: number; lon: number; name: string | null };

/** What the place field asks of the element. */
export interface PlaceFieldHost {
  /** The départements served (the `departements` attribute, split) and the page's `commune`. */
  scope(): { departements: string[]; commune: string | undefined };
  t(key: MessageKey, p?: Record<string, unknown>): string;
  /** A place was chosen (a suggestion, the person's position): the search runs again from its first page. */
  chosen(): void;
  /** The commune's name arrived (the count line names it). */
  named(): void;
  /** A sentence for the live region. */
  announce(text: string): void;
  /** Moves the focus to the place field. */
  focus(): void;
}

export class PlaceField {
  place: Place | null = null;
  /** The text of the field. */
  text = '';
  error = '';
  locating = false;
  /** The field holds what the person typed, not yet resolved (the commune's name must not overwrite it). */
  typed = false;
  /** The communes: gazetteers, combobox suggestions, position. */
  readonly communes: PlaceController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly h: PlaceFieldHost,
  ) {
    this.communes = new PlaceController(host, {
      departements: () => {
        const { departements, commune } = h.scope();
        return departements.length ? departements : commune ? [departementOf(commune)] : [];
      },
    });
  }

  private set(patch: Partial<Pick<PlaceField, 'place' | 'text' | 'error' | 'locating' | 'typed'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** A commune given by its INSEE code (the page's, a hand-off's, the URL's): shown by its code until `name()`. */
  setCommune(code: string): void {
    this.set({ place: { kind: 'commune', code, name: code }, typed: false });
  }

  /** The commune is still known by its code only (its name is on its way). */
  get unnamed(): boolean {
    return this.place?.kind === 'commune' && this.place.name === this.place.code;
  }

  /** Names the commune `code` (« près de Clamecy », never « près de 58079 ») if it is still the place searched. */
  async name(code: string): Promise<void> {
    const c = await this.communes.commune(code);
    if (c && this.place?.kind === 'commune' && this.place.code === code) {
      this.set({ place: { kind: 'commune', code, name: c.name }, ...(this.typed ? {} : { text: c.name }) });
      this.h.named();
    }
  }

  input(value: string): void {
    this.set({ text: value, typed: true, error: '' });
    void this.communes.suggest(value, { wider: true });
  }

  keydown(e: KeyboardEvent): void {
    this.communes.keydown(e, (c) => this.choose(c));
  }

  blur(): void {
    setTimeout(() => this.communes.close(), 150);
  }

  choose(c: Commune): void {
    this.communes.close();
    this.set({ place: { kind: 'commune', code: c.code, name: c.name }, text: c.name, typed: false, error: '' });
    this.h.chosen();
  }

  /** The place field's part of the search form: its text, error, suggestions, and its handlers. */
  get formState(): Omit<SearchFormState, 'uid' | 'text'> {
    return { placeText: this.text, placeError: this.error, suggestions: this.communes.suggestions, activeSuggestion: this.communes.active, locating: this.locating };
  }

  readonly handlers: Pick<SearchFormHandlers, 'placeInput' | 'placeKeydown' | 'placeBlur' | 'choose' | 'aroundMe'> = {
    placeInput: (e) => this.input((e.target as HTMLInputElement).value),
    placeKeydown: (e) => this.keydown(e),
    placeBlur: () => this.blur(),
    choose: (c) => this.choose(c),
    aroundMe: () => void this.aroundMe(),
  };

  /** Resolves what was typed when the form is submitted; false (with an error) when no commune matches. */
  async resolveTyped(): Promise<boolean> {
    const typed = this.text.trim();
    if (!typed) {
      // an empty field the person never touched is the commune still being named (the page's `commune`, a hand-off):
      // a search submitted before its name arrives keeps it
      if (!this.typed && this.place?.kind === 'commune') return true;
      this.set({ place: null });
      return true;
    }
    if (this.place && (this.place.name === typed || (this.place.kind === 'near' && typed === this.h.t('aroundMeLabel', { name: this.place.name })))) return true;
    const g = await this.communes.gazetteer();
    // a real commune outside the départements served (Auxerre) is found too: the results then say the data has none there
    const hit = g.search(typed, { limit: 1 })[0] ?? (await this.communes.wider(typed, false)).search(typed, { limit: 1 })[0];
    if (!hit) {
      this.set({ error: this.h.t('placeUnknown') });
      this.h.announce(this.error);
      this.h.focus();
      // meanwhile the whole of France (≈ 650 kB): a real commune far from the départements served is then taken
      void this.communes
        .wider(typed, true)
        .then((all) => {
          const far = all.search(typed, { limit: 1 })[0];
          if (far && this.text.trim() === typed) this.choose(far);
        })
        .catch(() => undefined);
      return false;
    }
    this.set({ place: { kind: 'commune', code: hit.code, name: hit.name }, text: hit.name, typed: false });
    return true;
  }

  /** « Autour de moi »: the person's position, named by the nearest commune; a refusal is said in the field. */
  async aroundMe(): Promise<void> {
    this.set({ locating: true, error: '' });
    let at: { lat: number; lon: number };
    try {
      at = await this.communes.locate();
    } catch {
      this.set({ locating: false, error: this.h.t('geoRefused') });
      this.h.announce(this.error);
      this.h.focus();
      return;
    }
    this.locating = false;
    let name: string | null = null;
    try {
      name = (await this.communes.gazetteer()).nearest(at.lat, at.lon)?.name ?? null;
    } catch {
      name = null;
    }
    this.set({ place: { kind: 'near', ...at, name }, text: this.h.t('aroundMeLabel', { name }), typed: false });
    this.h.chosen();
  }
}
