/**
 * The shipped liaison sheets, loaded on demand: a page downloads only the sheet it shows (each is a file of its own
 * on the CDN, `liaison/<id>.js`). `liaisonTemplates` (./shipped-sheets.js) has them all at once, for Node and tests.
 */
import type { Template } from './sheet-schema.js';

/** Loaders of the shipped sheets, by id. */
export const SHIPPED_TEMPLATES: Readonly<Record<string, () => Promise<Template>>> = {
  'dlu-domicile': () => import('./templates/dlu-domicile.js').then((m) => m.dluDomicile),
  orientation: () => import('./templates/orientation.js').then((m) => m.orientation),
};

/** Whether `id` names a shipped sheet. */
export const isShippedTemplate = (id: string): boolean => Object.prototype.hasOwnProperty.call(SHIPPED_TEMPLATES, id);

/**
 * A shipped sheet by id, loaded on first use (`dlu-domicile`, `orientation`). Rejects with a French message for an
 * unknown id.
 */
export function loadLiaisonTemplate(id: string): Promise<Template> {
  if (!isShippedTemplate(id)) return Promise.reject(new Error(`Modèle de fiche inconnu : « ${String(id).slice(0, 60)} ».`));
  return SHIPPED_TEMPLATES[id]!();
}
