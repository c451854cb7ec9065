/**
 * What the eligibility widget's render functions need from the element: its words, its language, easy-read or not.
 * Render functions are plain functions (data in, `TemplateResult` out, as Lit's composition guide puts it); the element
 * keeps the state and passes its handlers, bound.
 */
import type { Lang } from '@relais/core';
import type { Fact } from '../facts.js';
import { inLang, type MessageKey } from '../messages.js';

export interface EligibilityView {
  /** A message in the element's language. */
  t(key: MessageKey, p?: Record<string, unknown>): string;
  lang: Lang;
  /** Easy-read (FALC) questions and labels. */
  falc: boolean;
}

/** A fact's question in the element's language (easy-read when asked): the step's title and the answers' summary. */
export function questionText(v: EligibilityView, f: Fact): string {
  return inLang(v.lang, v.falc ? f.falc : f.question, f.questionEn);
}
