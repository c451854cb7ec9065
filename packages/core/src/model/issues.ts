/** Turning zod validation issues into French, for every data format of the SDK (datasets, catalogues, templates). */

/** A zod issue, as far as messages need it. */
export interface ValidationIssue {
  code: string;
  path: PropertyKey[];
  message: string;
}

/** `benefits[3].conditions.all[0].op` from an issue path; `(racine)` for the whole document. */
export const issuePath = (path: readonly PropertyKey[]): string =>
  path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(racine)';

/** The reason of an issue in plain French. */
export function issueReason(issue: ValidationIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return 'champ manquant ou de mauvais type';
    case 'invalid_value':
      return 'valeur non reconnue';
    case 'too_small':
      return 'vide, trop court ou trop petit';
    case 'too_big':
      return 'trop long ou trop grand';
    case 'invalid_union':
      return 'forme non reconnue';
    case 'invalid_format':
      return issue.message && issue.message !== 'Invalid input' ? `format invalide (${issue.message})` : 'format invalide';
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'valeur invalide';
  }
}

/** An unusable data document (template, catalogue…); `path` names the faulty field. */
export class DataFormatError extends Error {
  constructor(
    message: string,
    /** Dotted path of the faulty field. */
    readonly path: string,
  ) {
    super(message);
  }
}
