/**
 * What the directory's render functions need from the element: its words, its labels, its language and mode. Render
 * functions are plain functions (data in, `TemplateResult` out, as Lit's composition guide puts it); the element keeps
 * the state and passes its handlers.
 */
import { html, type TemplateResult } from 'lit';
import type { LangController } from '@relais/core';
import type { MessageKey } from '../messages.js';
import type * as LabelsModule from '@relais/core/labels';
import type { SuggestHook } from '../suggest-hook.js';

export type Lang = LangController['lang'];
export type Vocabulary = Parameters<typeof LabelsModule.termLabel>[0];

export interface DirectoryView {
  /** A message in the element's language. */
  t(key: MessageKey, p?: Record<string, unknown>): string;
  /** A vocabulary value's label (easy-read when asked), or the value itself while the labels load. */
  label(vocab: Vocabulary, value: string): string;
  lang: Lang;
  mode: 'public' | 'pro';
  /** The labels and opening-hours module, once loaded (hours are shown only then). */
  labels: typeof LabelsModule | undefined;
  /** Months after which a record's `date_maj` is « À vérifier » (0: never); default 12. */
  staleAfterMonths?: number;
  /** The « Signaler une erreur » form of the detail (absent: none). */
  suggest?: SuggestHook;
}

/** An active filter shown as a button that removes it (the chips, and the ways out of an empty result). */
export interface ActiveChip {
  label: string;
  remove: () => void;
}

/** A checkbox and its label (the filters panel). */
export function checkbox(id: string, label: string, checked: boolean, onChange: () => void): TemplateResult {
  return html`<div class="check"><input type="checkbox" id=${id} .checked=${checked} @change=${onChange} /><label for=${id}>${label}</label></div>`;
}
