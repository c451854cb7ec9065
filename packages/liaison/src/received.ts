/**
 * The receiving side of the liaison contract (packages/core/liaison-openapi.json): what a receiver checks in a sheet
 * and what it keeps of it. One implementation for @relais/server and the reference receiver of the examples.
 */
import { allowedFields, recipientsOf, sendBlockers, validateSheet, type Template } from './sheet-schema.js';
import { checkConsentRecord } from './consent.js';
import { liaisonTemplates } from './shipped-sheets.js';

/**
 * What a receiver stores of a valid sheet: only the template's fields (and, in lists, the item's fields) and the
 * consent record's known fields, strings cut to their bounds. Unknown keys are dropped, never stored.
 */
export function keepReceivedSheet(template: Template, values: Record<string, unknown>, consent: Record<string, unknown>): { values: Record<string, unknown>; consent: Record<string, unknown> } {
  const kept: Record<string, unknown> = {};
  for (const f of template.sections.flatMap((s) => s.fields)) {
    if (!Object.hasOwn(values, f.id)) continue;
    const v = values[f.id];
    if (f.type === 'list' && Array.isArray(v)) {
      kept[f.id] = v.map((item: unknown) =>
        Object.fromEntries((f.item ?? []).filter((sub) => !!item && typeof item === 'object' && Object.hasOwn(item, sub.id)).map((sub) => [sub.id, (item as Record<string, unknown>)[sub.id]])),
      );
    } else kept[f.id] = v;
  }
  const strings = (a: unknown) => (Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string').slice(0, 50).map((x) => x.slice(0, 300)) : []);
  const rep = consent.representative as Record<string, unknown> | undefined;
  return {
    values: kept,
    consent: {
      by: consent.by,
      recipients: strings(consent.recipients),
      sections: strings(consent.sections),
      textVersion: typeof consent.textVersion === 'string' ? consent.textVersion.slice(0, 50) : '',
      at: consent.at,
      ...Object.fromEntries(
        ['regime', 'legalBasis', 'decision', 'method', 'collectedBy', 'recipientId', 'template', 'templateVersion', 'childInterestReason', 'impossibleReason', 'followUp', 'textSha256']
          .filter((k) => typeof consent[k] === 'string')
          .map((k) => [k, (consent[k] as string).slice(0, 300)]),
      ),
      ...Object.fromEntries(['childInformed', 'copyGiven', 'representativeConfirmed', 'protectedPersonInformed', 'minor'].filter((k) => typeof consent[k] === 'boolean').map((k) => [k, consent[k]])),
      ...(rep && typeof rep === 'object' ? { representative: { role: String(rep.role ?? '').slice(0, 100), name: String(rep.name ?? '').slice(0, 200) } } : {}),
    },
  };
}

/**
 * The problems of a received sheet (`{ template, values, consent }`) against its template and consent record, each
 * with its reason in French, empty when valid: the rules every receiver applies (the consent record of CSP L1110-4 /
 * CASF L226-2-2, the recipient and the sections it needs, no field the consent does not cover, the fields shared with
 * this recipient valid, nothing that blocks the sending). `unknownTemplate` when `template` names no shipped sheet.
 */
export function checkReceivedSheet(body: unknown): { template?: Template; problems: Array<{ name: string; reason: string }>; unknownTemplate?: boolean } {
  const b = body as Record<string, unknown> | null;
  const template = b && typeof b === 'object' && typeof b.template === 'string' && Object.hasOwn(liaisonTemplates, b.template) ? liaisonTemplates[b.template] : undefined;
  if (!template || !b) return { problems: [{ name: 'template', reason: 'Modèle de fiche inconnu.' }], unknownTemplate: true };
  const consent = b.consent as Record<string, unknown> | null | undefined;
  const problems: Array<{ name: string; reason: string }> = [];
  if (!consent || typeof consent !== 'object') problems.push({ name: 'consent', reason: 'Le consentement au partage est obligatoire.' });
  else {
    if (!['personne', 'representant', 'aucun'].includes(consent.by as string)) problems.push({ name: 'consent.by', reason: 'Qui a répondu : « personne », « representant » ou « aucun » (information impossible).' });
    if (!Array.isArray(consent.recipients) || consent.recipients.length === 0 || !consent.recipients.every((r) => typeof r === 'string')) problems.push({ name: 'consent.recipients', reason: 'À qui la fiche est transmise.' });
    if (typeof consent.at !== 'string' || Number.isNaN(Date.parse(consent.at))) problems.push({ name: 'consent.at', reason: 'Date de l’accord (ISO 8601).' });
    if (consent.withdrawnAt) problems.push({ name: 'consent.withdrawnAt', reason: 'Le consentement a été retiré.' });
    else for (const reason of checkConsentRecord(consent)) problems.push({ name: 'consent', reason });
  }
  const values = b.values && typeof b.values === 'object' && !Array.isArray(b.values) ? (b.values as Record<string, unknown>) : null;
  const recipient = consent && typeof consent === 'object' ? recipientsOf(template).find((r) => r.id === (consent.recipientId ?? (template.recipients ? undefined : 'destinataire'))) : undefined;
  const named = consent && Array.isArray(consent.sections) ? consent.sections.filter((x): x is string => typeof x === 'string') : [];
  if (consent && typeof consent === 'object' && !recipient) problems.push({ name: 'consent.recipientId', reason: 'Destinataire inconnu pour ce modèle de fiche.' });
  const sections = recipient ? named.filter((sid) => recipient.sections.includes(sid)) : [];
  for (const sid of named.filter((x) => !sections.includes(x))) problems.push({ name: 'consent.sections', reason: `La partie « ${sid.slice(0, 60)} » n’est pas transmise à ce destinataire.` });
  const allowed = allowedFields(template, sections, recipient?.audience);
  const known = new Set(template.sections.flatMap((s) => s.fields.map((f) => f.id)));
  if (!values) problems.push({ name: 'values', reason: 'Les valeurs de la fiche sont manquantes.' });
  else {
    for (const k of Object.keys(values).filter((k) => known.has(k) && !allowed.has(k) && values[k] !== undefined && values[k] !== null && values[k] !== '')) {
      problems.push({ name: k, reason: 'Cette information ne fait pas partie de ce que la personne a accepté de transmettre à ce destinataire : la fiche n’a pas été enregistrée.' });
    }
    for (const e of [...validateSheet(template, values as never, { sections }).filter((e) => allowed.has(e.field.split('.')[0] ?? '')), ...sendBlockers(template, values as never, sections)]) problems.push({ name: e.field, reason: e.message });
  }
  return { template, problems };
}
