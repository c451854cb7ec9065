/** Kind of a Relais error. */
export type RelaisErrorKind = 'network' | 'timeout' | 'http' | 'invalid-payload' | 'not-found' | 'unsupported' | 'aborted';

const MESSAGES: Record<RelaisErrorKind, string> = {
  network: 'Le service de données ne répond pas. Vérifiez votre connexion puis réessayez.',
  timeout: 'Le service de données met trop de temps à répondre. Réessayez dans un instant.',
  http: 'Le service de données a renvoyé une erreur.',
  'invalid-payload': 'Les données reçues sont illisibles.',
  'not-found': 'Cette fiche n’existe pas ou plus.',
  unsupported: 'Cette recherche n’est pas possible avec cette source de données.',
  aborted: 'La recherche a été remplacée par une plus récente.',
};

/**
 * The one error type of the SDK. `message` is a French sentence fit to show to a person;
 * `kind`, `status` and `detail` are for code and integrators.
 */
export class RelaisError extends Error {
  override readonly name = 'RelaisError';
  /** What went wrong. */
  readonly kind: RelaisErrorKind;
  /** HTTP status, for `http` errors. */
  readonly status: number | undefined;
  /** Technical detail (never personal data). */
  readonly detail: string | undefined;
  /** Whether trying again may succeed. */
  readonly retryable: boolean;

  constructor(kind: RelaisErrorKind, opts: { status?: number; detail?: string; message?: string; cause?: unknown } = {}) {
    let message = opts.message ?? MESSAGES[kind];
    if (kind === 'http' && opts.status && !opts.message) {
      message =
        opts.status === 429
          ? 'Trop de demandes en peu de temps : le service de données demande de patienter. Réessayez dans un instant.'
          : opts.status >= 500
            ? `Le service de données est momentanément indisponible (erreur ${opts.status}). Réessayez dans un instant.`
            : opts.status === 401 || opts.status === 403
              ? `Accès refusé par le service de données (erreur ${opts.status}) : la clé d’accès est absente ou invalide.`
              : `Le service de données a refusé la demande (erreur ${opts.status}).`;
    }
    super(message, { cause: opts.cause });
    this.kind = kind;
    this.status = opts.status;
    this.detail = opts.detail;
    this.retryable = kind === 'network' || kind === 'timeout' || (kind === 'http' && (opts.status ?? 0) >= 500) || opts.status === 429 || kind === 'invalid-payload';
  }
}

/** True for an error caused by an AbortSignal (ours or the platform's). */
export const isAbortError = (e: unknown): boolean =>
  (e instanceof RelaisError && e.kind === 'aborted') || (e instanceof Error && e.name === 'AbortError') || (typeof DOMException !== 'undefined' && e instanceof DOMException && e.name === 'AbortError');

/** Throws the signal's reason as a RelaisError 'aborted' when it is aborted. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new RelaisError('aborted');
}
