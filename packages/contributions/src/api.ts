/**
 * The moderator's side of the contributions contract (packages/core/contributions-openapi.json): typed calls with the
 * session cookie (`credentials: 'include'`), JSON bodies, and failures as {@link ApiError} with the HTTP status and
 * the server's French `detail` when it gave one.
 */

import type { Champ, Contribution, ContributionStats, FreshnessItem, Moderator, Page } from '@relais/core';

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
