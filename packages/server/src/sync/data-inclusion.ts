/**
 * Sync of the département's services from the data·inclusion API v1 (official spec: tests/contract/
 * data-inclusion-openapi-v1.json) into the directory, run by the server only: the API token lives in the server's
 * environment (`DI_API_TOKEN`) and never reaches a browser.
 *
 * - the territory: `GET /api/v1/structures?code_departement=…&exclure_doublons=true` then
 *   `GET /api/v1/services?code_departement=…`, every page with an explicit `size` (the API's default is 5 000);
 * - incremental by `date_maj`: the API has no « modified since » filter, so every page is read, and a record is
 *   written only when it is new or its `date_maj` is later than the stored one (else it counts as unchanged);
 * - retries with exponential backoff (and the server's `Retry-After`) on 429, 5xx and network failures; a 401/403/422
 *   stops the run at once (retrying would not help);
 * - records keep their source (`source` of data·inclusion: dora, soliguide…) and are de-duplicated: a structure the
 *   API lists as the duplicate (`doublons`) of a kept one is left out, and so are its services;
 * - records no longer listed are withdrawn only after a complete run (a run that stopped on an error withdraws nothing);
 * - a run report: pages, requests, retries, records created / updated / unchanged / invalid / duplicates, withdrawn,
 *   errors (French messages, never the token).
 */

/** A data·inclusion record as the API sends it (Service or ListedStructure): only the fields the sync reads are typed. */
export interface DiRecord {
  id: string;
  source: string;
  nom: string;
  date_maj: string;
  structure_id?: string;
  doublons?: Array<{ id: string; source: string }>;
  [field: string]: unknown;
}

/** The kind of record a sink receives. */
export type DiKind = 'structure' | 'service';

/** What a sink did with one batch. */
export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Records the directory refused (its own validation), if any. */
  invalid?: number;
}

/**
 * Where the sync writes: the directory tables (createDbSyncSink), or memory in tests. `upsert` compares `date_maj`:
 * a record is created when unknown, updated when its `date_maj` is later than the stored one, else unchanged.
 */
export interface SyncSink {
  upsert(kind: DiKind, records: readonly DiRecord[]): Promise<UpsertCounts>;
  /** Withdraws the records of this origin and kind whose id is not in `seen`; returns how many. */
  withdrawMissing(kind: DiKind, seen: ReadonlySet<string>): Promise<number>;
  /** Keeps the run report (optional). */
  saveReport?(report: SyncReport): Promise<void>;
}

/** Counts of one kind of record in a run. */
export interface KindReport extends UpsertCounts {
  /** Records received. */
  received: number;
  /** Records left out because they miss a required field (id, source, nom, date_maj). */
  invalid: number;
  /** Records left out as duplicates of a record of another source. */
  duplicates: number;
  /** Records withdrawn because the API no longer lists them (complete runs only). */
  withdrawn: number;
}

/** The report of one sync run. */
export interface SyncReport {
  departement: string;
  startedAt: string;
  finishedAt: string;
  /** Every page was read (withdrawals happen only then). */
  complete: boolean;
  /** Pages read. */
  pages: number;
  /** HTTP requests made, retries included. */
  requests: number;
  /** Requests retried after a 429, a 5xx or a network failure. */
  retries: number;
  structures: KindReport;
  services: KindReport;
  /** What went wrong, in French (no token, no personal data). */
  errors: Array<{ status: number | null; message: string }>;
}

export interface DataInclusionSyncOptions {
  /** The API's base URL, e.g. `https://api.data.inclusion.beta.gouv.fr` (no trailing `/api/v1`). */
  baseUrl: string;
  /** The API token (server-side only). */
  token: string;
  /** The département's code (`58`, `2A`, `971`…). */
  departement: string;
  sink: SyncSink;
  /** Records per page (1 to 10 000; default 1 000). */
  size?: number;
  /** Retries of one request (default 4). */
  retries?: number;
  /** First backoff in ms, doubled each time with jitter (default 500). */
  backoffMs?: number;
  /** Longest wait between two tries, `Retry-After` included (default 60 000 ms). */
  maxBackoffMs?: number;
  /** Time one request may take (default 30 000 ms). */
  timeoutMs?: number;
  /** Pages read at most per kind (a bound against a runaway API; default 1 000). */
  maxPages?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
  now?: () => Date;
}

const DEPARTEMENT = /^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-6])$/;

/** An error of the API that retrying would not fix, or retries exhausted. */
class SyncStop extends Error {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

const emptyKind = (): KindReport => ({ received: 0, created: 0, updated: 0, unchanged: 0, invalid: 0, duplicates: 0, withdrawn: 0 });

const isRecord = (r: unknown): r is DiRecord => {
  const o = r as Record<string, unknown> | null;
  return !!o && typeof o === 'object' && typeof o.id === 'string' && o.id !== '' && typeof o.source === 'string' && o.source !== '' && typeof o.nom === 'string' && typeof o.date_maj === 'string' && /^\d{4}-\d{2}-\d{2}/.test(o.date_maj);
};

/** Seconds or an HTTP date, as `Retry-After` allows; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Runs one sync of the département from the data·inclusion API; never throws for an API failure (see `errors`). */
export async function syncDataInclusion(opts: DataInclusionSyncOptions): Promise<SyncReport> {
  if (!DEPARTEMENT.test(opts.departement)) throw new Error(`Code de département invalide : « ${opts.departement.slice(0, 10)} ».`);
  if (!opts.token) throw new Error('Jeton de l’API data·inclusion manquant (variable DI_API_TOKEN).');
  const size = Math.max(1, Math.min(10_000, Math.floor(opts.size ?? 1000)));
  const retries = Math.max(0, opts.retries ?? 4);
  const backoff = opts.backoffMs ?? 500;
  const maxBackoff = opts.maxBackoffMs ?? 60_000;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxPages = opts.maxPages ?? 1000;
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? (() => new Date());
  const base = opts.baseUrl.replace(/\/+$/, '');

  const report: SyncReport = {
    departement: opts.departement,
    startedAt: now().toISOString(),
    finishedAt: '',
    complete: false,
    pages: 0,
    requests: 0,
    retries: 0,
    structures: emptyKind(),
    services: emptyKind(),
    errors: [],
  };

  const getPage = async (path: string, params: Record<string, string>, page: number): Promise<{ items: unknown[]; pages: number }> => {
    const url = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries({ ...params, page: String(page), size: String(size) })) url.searchParams.set(k, v);
    for (let attempt = 0; ; attempt++) {
      opts.signal?.throwIfAborted();
      report.requests++;
      let status: number | null = null;
      let wait: number | undefined;
      let why: string;
      try {
        const signal = opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
        const res = await doFetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${opts.token}` }, signal });
        status = res.status;
        if (res.ok) {
          const body = (await res.json()) as { items?: unknown; pages?: unknown } | null;
          if (!body || !Array.isArray(body.items)) throw new SyncStop(status, `Réponse de data·inclusion illisible pour ${path} (pas de liste « items »).`);
          return { items: body.items, pages: typeof body.pages === 'number' ? body.pages : 1 };
        }
        await res.body?.cancel();
        if (status === 401 || status === 403) throw new SyncStop(status, `data·inclusion refuse le jeton (erreur ${status}) : vérifiez DI_API_TOKEN.`);
        if (status !== 429 && status < 500) throw new SyncStop(status, `data·inclusion refuse la requête ${path} (erreur ${status}).`);
        wait = retryAfterMs(res.headers.get('retry-after'));
        why = status === 429 ? 'trop de requêtes (429)' : `erreur ${status} du serveur`;
      } catch (e) {
        if (e instanceof SyncStop) throw e;
        if (opts.signal?.aborted) throw e;
        why = 'réseau injoignable ou délai dépassé';
      }
      if (attempt >= retries) throw new SyncStop(status, `data·inclusion ne répond pas pour ${path} page ${page} après ${attempt + 1} essais : ${why}.`);
      report.retries++;
      const exp = backoff * 2 ** attempt;
      await sleep(Math.min(maxBackoff, Math.max(wait ?? 0, exp / 2 + Math.random() * (exp / 2))));
    }
  };

  /** Reads every page of one listing, handing each page to `onPage`. */
  const readAll = async (path: string, params: Record<string, string>, onPage: (items: unknown[]) => Promise<void>) => {
    let pages = 1;
    for (let page = 1; page <= pages; page++) {
      if (page > maxPages) throw new SyncStop(null, `Plus de ${maxPages} pages pour ${path} : lecture arrêtée (augmentez la taille des pages).`);
      const r = await getPage(path, params, page);
      report.pages++;
      pages = r.pages;
      await onPage(r.items);
    }
  };

  const seen = { structure: new Set<string>(), service: new Set<string>() };
  const duplicateStructures = new Set<string>();
  const write = async (kind: DiKind, items: unknown[], keep: (r: DiRecord) => boolean) => {
    const k = kind === 'structure' ? report.structures : report.services;
    k.received += items.length;
    const valid = items.filter(isRecord);
    k.invalid += items.length - valid.length;
    const kept = valid.filter((r) => {
      if (!keep(r)) {
        k.duplicates++;
        return false;
      }
      return true;
    });
    for (const r of kept) seen[kind].add(r.id);
    if (!kept.length) return;
    const c = await opts.sink.upsert(kind, kept);
    k.created += c.created;
    k.updated += c.updated;
    k.unchanged += c.unchanged;
    k.invalid += c.invalid ?? 0;
  };

  try {
    const territory = { code_departement: opts.departement };
    await readAll('/api/v1/structures', { ...territory, exclure_doublons: 'true' }, (items) => {
      for (const r of items) for (const d of isRecord(r) && Array.isArray(r.doublons) ? r.doublons : []) if (d && typeof d.id === 'string') duplicateStructures.add(d.id);
      return write('structure', items, (r) => !duplicateStructures.has(r.id));
    });
    await readAll('/api/v1/services', territory, (items) => write('service', items, (r) => typeof r.structure_id !== 'string' || !duplicateStructures.has(r.structure_id)));
    report.complete = true;
    report.structures.withdrawn = await opts.sink.withdrawMissing('structure', seen.structure);
    report.services.withdrawn = await opts.sink.withdrawMissing('service', seen.service);
  } catch (e) {
    if (e instanceof SyncStop) report.errors.push({ status: e.status, message: e.message });
    else if (opts.signal?.aborted) report.errors.push({ status: null, message: 'Synchronisation interrompue.' });
    else report.errors.push({ status: null, message: `Échec de l’écriture dans l’annuaire : ${e instanceof Error ? e.message.slice(0, 200) : 'erreur inconnue'}.` });
  }
  report.finishedAt = now().toISOString();
  await opts.sink.saveReport?.(report);
  return report;
}

/** The sync's settings read from the environment: null when `DI_API_TOKEN` is not set (no sync configured). */
export function syncConfigFromEnv(env: Readonly<Record<string, string | undefined>>): { baseUrl: string; token: string; departement: string; size: number } | null {
  const token = env.DI_API_TOKEN?.trim();
  if (!token) return null;
  const departement = env.RELAIS_DEPARTEMENT?.trim().toUpperCase() ?? '';
  if (!DEPARTEMENT.test(departement)) throw new Error('RELAIS_DEPARTEMENT doit donner le code du département (58, 2A, 971…) pour synchroniser data·inclusion.');
  const size = env.DI_SYNC_PAGE_SIZE ? Number(env.DI_SYNC_PAGE_SIZE) : 1000;
  if (!Number.isInteger(size) || size < 1 || size > 10_000) throw new Error('DI_SYNC_PAGE_SIZE : un entier de 1 à 10 000.');
  return { baseUrl: env.DI_API_URL?.trim() || 'https://api.data.inclusion.beta.gouv.fr', token, departement, size };
}

/** A sink in memory (tests, dry runs): the records by kind and id. */
export function createMemorySyncSink(): SyncSink & { records: Record<DiKind, Map<string, DiRecord>>; withdrawn: Record<DiKind, Set<string>>; reports: SyncReport[] } {
  const records = { structure: new Map<string, DiRecord>(), service: new Map<string, DiRecord>() };
  const withdrawn = { structure: new Set<string>(), service: new Set<string>() };
  const reports: SyncReport[] = [];
  return {
    records,
    withdrawn,
    reports,
    async upsert(kind, list) {
      const c: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
      for (const r of list) {
        const old = records[kind].get(r.id);
        if (!old || withdrawn[kind].has(r.id)) c.created++;
        else if (r.date_maj > old.date_maj) c.updated++;
        else {
          c.unchanged++;
          continue;
        }
        withdrawn[kind].delete(r.id);
        records[kind].set(r.id, r);
      }
      return c;
    },
    async withdrawMissing(kind, seen) {
      let n = 0;
      for (const id of records[kind].keys()) {
        if (!seen.has(id) && !withdrawn[kind].has(id)) {
          withdrawn[kind].add(id);
          n++;
        }
      }
      return n;
    },
    async saveReport(report) {
      reports.push(report);
    },
  };
}
