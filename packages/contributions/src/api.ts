/**
 * The moderator's side of the contributions contract (packages/core/contributions-openapi.json): typed calls with the
 * session cookie (`credentials: 'include'`), JSON bodies, and failures as {@link ApiError} with the HTTP status and
 * the server's French `detail` when it gave one.
 */

/** A field a suggestion can change (the contract's `Champ`). */
export type Champ = 'telephone' | 'courriel' | 'adresse' | 'horaires_accueil' | 'description' | 'ferme' | 'demenage';
/** Who wrote a suggestion (the contract's `Auteur`). */
export type Auteur = 'usager' | 'professionnel' | 'structure';

/** The person signed in and the départements they moderate. */
export interface Moderator {
  sub: string;
  nom: string;
  courriel?: string | null;
  territoires: string[];
}

/** One field of a suggestion: its French label, the value before and the value proposed. */
export interface FieldChange {
  champ: Champ;
  libelle: string;
  avant: string | null;
  apres: string;
}

/** A suggestion, as the queue gives it. */
export interface Contribution {
  id: string;
  service_id: string;
  service_nom: string;
  structure_nom: string;
  source: string;
  departement: string | null;
  auteur: Auteur;
  recu_le: string;
  statut: 'en_attente' | 'acceptee' | 'refusee';
  changements: FieldChange[];
  commentaire: string | null;
  contact: string | null;
  lien_source: string | null;
  /** False when the record is synchronised from another source: the correction goes to its producer. */
  modifiable: boolean;
}

/** A record not confirmed for a while. */
export interface FreshnessItem {
  service_id: string;
  service_nom: string;
  structure_nom: string;
  date_maj: string;
  a_un_courriel: boolean;
  demande_envoyee_le: string | null;
}

/** Counts per organisation and per author. */
export interface ContributionStats {
  par_structure: Array<{ structure_id: string; structure_nom: string; suggestions: number; acceptees: number; refusees: number; confirmations: number }>;
  par_auteur: Record<Auteur, number>;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}

/** A failed call: `status` 0 for a network failure; `detail`: the server's French sentence, if any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string | null,
  ) {
    super(detail ?? `HTTP ${status}`);
  }
}

/** The calls of `<relais-contributions>`, relative to `base` (the API's base URL, without a trailing slash). */
export class ContributionsApi {
  constructor(
    readonly base: string,
    private readonly fetcher: typeof fetch = (...a) => fetch(...a),
  ) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    let res: Response;
    try {
      res = await this.fetcher(`${this.base}${path}`, {
        method,
        credentials: 'include',
        headers: method === 'POST' ? { 'content-type': 'application/json', accept: 'application/json, application/problem+json' } : { accept: 'application/json, application/problem+json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError(0, null);
    }
    const text = await res.text().catch(() => '');
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (!res.ok) {
      const detail = json && typeof json === 'object' && typeof (json as { detail?: unknown }).detail === 'string' ? (json as { detail: string }).detail : null;
      throw new ApiError(res.status, detail);
    }
    return json as T;
  }

  /** The person signed in (401: nobody). */
  me(signal?: AbortSignal): Promise<Moderator> {
    return this.call('GET', '/auth/moi', undefined, signal);
  }

  /** Where « Se connecter » leads: the server's OpenID Connect login, back to `retour` afterwards. */
  loginUrl(retour: string): string {
    return `${this.base}/auth/login?retour=${encodeURIComponent(retour)}`;
  }

  logout(): Promise<void> {
    return this.call('POST', '/auth/logout');
  }

  queue(q: { page?: number; departement?: string }, signal?: AbortSignal): Promise<Page<Contribution>> {
    const p = new URLSearchParams({ statut: 'en_attente', page: String(q.page ?? 1), taille: '20' });
    if (q.departement) p.set('departement', q.departement);
    return this.call('GET', `/contributions?${p}`, undefined, signal);
  }

  accept(id: string, champs: Champ[]): Promise<{ contribution: Contribution; service: object }> {
    return this.call('POST', `/contributions/${encodeURIComponent(id)}/acceptation`, { champs });
  }

  reject(id: string, motif: string): Promise<{ contribution: Contribution }> {
    return this.call('POST', `/contributions/${encodeURIComponent(id)}/refus`, { motif });
  }

  stale(q: { page?: number; departement?: string; mois?: number }, signal?: AbortSignal): Promise<Page<FreshnessItem>> {
    const p = new URLSearchParams({ page: String(q.page ?? 1), taille: '20', mois: String(q.mois ?? 12) });
    if (q.departement) p.set('departement', q.departement);
    return this.call('GET', `/fraicheur?${p}`, undefined, signal);
  }

  requestConfirmation(serviceId: string): Promise<{ envoyee_a: string; expire_le: string }> {
    return this.call('POST', `/services/${encodeURIComponent(serviceId)}/demande-confirmation`);
  }

  stats(q: { departement?: string }, signal?: AbortSignal): Promise<ContributionStats> {
    const p = new URLSearchParams();
    if (q.departement) p.set('departement', q.departement);
    const s = p.toString();
    return this.call('GET', `/statistiques/contributions${s ? `?${s}` : ''}`, undefined, signal);
  }
}
