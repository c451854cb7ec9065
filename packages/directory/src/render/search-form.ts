/** The search form (words, place with its commune combobox, « around me ») and the need tiles. */
import { html, nothing, type TemplateResult } from 'lit';
import { heading, type Commune } from '@relais/core';
import { NEEDS, type Need } from '../needs.js';
import type { DirectoryView } from './view.js';

export interface SearchFormState {
  /** Unique in the page: the suggestions list's id is built on it. */
  uid: string;
  text: string;
  placeText: string;
  placeError: string;
  suggestions: Commune[];
  activeSuggestion: number;
  locating: boolean;
}

export interface SearchFormHandlers {
  submit(e: Event): void;
  textInput(value: string): void;
  placeInput(e: InputEvent): void;
  placeKeydown(e: KeyboardEvent): void;
  placeBlur(): void;
  choose(c: Commune): void;
  aroundMe(): void;
}

export function renderSearchForm(v: DirectoryView, st: SearchFormState, on: SearchFormHandlers): TemplateResult {
  const listId = `${st.uid}-places`;
  const expanded = st.suggestions.length > 0;
  return html`
    <form part="search" role="search" class="search" novalidate @submit=${(e: Event) => on.submit(e)}>
      <div class="field">
        <label for="what">${v.t('what')}</label>
        <p class="hint" id="what-hint">${v.t('whatHint')}</p>
        <input
          id="what"
          part="input"
          type="search"
          autocomplete="off"
          .enterKeyHint=${'search'}
          aria-describedby="what-hint"
          .value=${st.text}
          @input=${(e: InputEvent) => on.textInput((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field place">
        <label for="where">${v.t('where')}</label>
        <p class="hint" id="where-hint">${v.t('whereHint')}</p>
        ${st.placeError ? html`<p class="error-text" id="where-error">${st.placeError}</p>` : nothing}
        <div class="combo">
          <input
            id="where"
            part="input"
            type="text"
            role="combobox"
            autocomplete="off"
            aria-autocomplete="list"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls=${listId}
            aria-activedescendant=${st.activeSuggestion >= 0 ? `${listId}-${st.activeSuggestion}` : nothing}
            aria-describedby=${st.placeError ? 'where-hint where-error' : 'where-hint'}
            aria-invalid=${st.placeError ? 'true' : 'false'}
            .value=${st.placeText}
            @input=${(e: InputEvent) => on.placeInput(e)}
            @keydown=${(e: KeyboardEvent) => on.placeKeydown(e)}
            @blur=${() => on.placeBlur()}
          />
          <ul id=${listId} role="listbox" aria-label=${v.t('suggestions')} class="suggestions" ?hidden=${!expanded}>
            ${st.suggestions.map(
              (c, i) => html`<li
                id=${`${listId}-${i}`}
                role="option"
                aria-selected=${i === st.activeSuggestion ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => on.choose(c)}
              >
                ${c.name} <span class="muted">${c.postcodes[0] ?? ''}</span>
              </li>`,
            )}
          </ul>
        </div>
        <button type="button" part="button" class="link around" @click=${() => on.aroundMe()} ?disabled=${st.locating}>
          ${st.locating ? v.t('locating') : v.t('aroundMe')}
        </button>
      </div>
      <div class="submit"><button type="submit" part="button" class="primary">${v.t('search')}</button></div>
    </form>
  `;
}

/** The need tiles: `chosen` are pressed; `level` is the level of the element's title. */
export function renderNeeds(v: DirectoryView, level: number, falc: boolean, chosen: readonly string[], needLabel: (n: Need) => string, onTile: (id: string) => void): TemplateResult {
  return html`
    <section class="needs" aria-labelledby="needs-title">
      ${heading(level + 1, falc ? v.t('needsFalc') : v.t('needs'), { id: 'needs-title' })}
      <ul part="needs" class="tiles">
        ${NEEDS.map(
          (n) => html`<li>
            <button type="button" part="need" class="tile" aria-pressed=${chosen.includes(n.id) ? 'true' : 'false'} @click=${() => onTile(n.id)}>${needLabel(n)}</button>
          </li>`,
        )}
      </ul>
    </section>
  `;
}
