/**
 * The liaison receiver on the database: the hardened contract of packages/core/liaison-openapi.json (the reference
 * was examples/server/liaison-receiver.mjs), and the endpoint through which a recipient structure reads its sheets.
 *
 * Paths are relative to the app's base path (`relais-server` with `RELAIS_BASE_PATH=/api`: `/api/liaison`, the path of
 * the contract's reference; without: `/liaison`).
 *
 * `POST /liaison` (partners, contract unchanged):
 * - each partner calls with its own bearer token; the database holds only its SHA-256 (`liaison_partners`);
 * - a rate limit (requests per minute, counted in the access log, so shared by every instance) and a daily quota of
 *   sheets (counted in `liaison_sheets` under a per-partner lock, exact even with concurrent sends): 429 beyond;
 * - the same templates and rules as the browser (@relais/liaison/headless); only the template's fields and the
 *   consent's known fields are stored, any value the consent does not cover is refused;
 * - Idempotency-Key (a UUID, normalised to lower case) + SHA-256 of the body: the key is the sheet's primary key, so
 *   a sheet is stored once whatever the retries, crashes and instances; the same key and body get 409 with the
 *   original receipt, another body (or another partner) 409 with a French problem;
 * - each sheet encrypted at rest (AES-256-GCM, key from the environment) with its id, partner and body hash as
 *   associated data, written in one transaction (never half-written);
 * - an access log without personal data (`liaison_access_log`: actor, action, status, sheet id), and log lines with
 *   no content.
 *
 * `GET /destinataire/fiches`, `GET /destinataire/fiches/:id` (also `GET /liaison/:id`, the receipt's
 * Location), `DELETE /destinataire/fiches/:id`: the recipient structure, with its own bearer token (hashed in
 * `liaison_recipients`), lists, reads (decrypted) and erases the sheets of the partners it is configured for.
 * Bearer tokens per structure are the first step; OpenID Connect (ProConnect for agents of public bodies) is the next.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkReceivedSheet, keepReceivedSheet } from '@relais/liaison/headless';
import type { Queryable, Row } from '../db/types.js';
import type { Route, RouteContext } from '../http/types.js';
import { readBody } from '../http/body.js';
import { canonicalJson, hashToken, seal, sha256, unseal, type KeyRing } from './crypto.js';
import { readLiaisonConfig, type LiaisonConfig } from './config.js';

/** The path partners post to, relative to the app's base path (the contract's `/api/liaison` under `/api`). */
export const LIAISON_PATH = '/liaison';
/** Where a recipient structure reads its sheets. */
export const RECIPIENT_PATH = '/destinataire/fiches';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BEARER = /^Bearer ([\x21-\x7e]{16,512})$/;

/** The receipt of a stored sheet. */
export interface Receipt {
  id: string;
  receivedAt: string;
  sha256: string;
}

/** A sheet as stored (what the recipient reads, decrypted). */
export interface StoredSheet {
  template: string;
  templateVersion: string | number | undefined;
  values: Record<string, unknown>;
  consent: Record<string, unknown>;
}

interface Actor {
  kind: 'partner' | 'anonymous';
  id: string;
  ratePerMinute: number;
  quotaPerDay: number;
}

export interface LiaisonRoutesOptions {
  /** The clock (tests). */
  now?: () => number;
  /** Settings; read from `ctx.env` (readLiaisonConfig) when not given. */
  config?: LiaisonConfig;
}

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();

function send(res: ServerResponse, status: number, type: string, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
const json = (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => send(res, status, 'application/json', body, headers);
const problem = (res: ServerResponse, status: number, title: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  send(res, status, 'application/problem+json', { type: 'about:blank', title, status, detail, ...extra }, headers);


/** Writes one line of the access log (ids only). */
export async function logAccess(db: Queryable, at: number, kind: 'partner' | 'anonymous' | 'recipient' | 'system', actorId: string | null, action: string, status: number, sheetId: string | null = null): Promise<void> {
  await db.query('INSERT INTO liaison_access_log (at, actor_kind, actor_id, action, status, sheet_id) VALUES ($1::timestamptz, $2, $3, $4, $5, $6::uuid)', [new Date(at).toISOString(), kind, actorId, action, status, sheetId]);
}

interface SheetRow extends Row {
  id: string;
  partner_id: string;
  body_sha256: string;
  sheet_sha256: string;
  template: string;
  received_at: unknown;
  kid: string;
  iv: Uint8Array;
  tag: Uint8Array;
  data: Uint8Array;
}

const receiptOf = (r: SheetRow): Receipt => ({ id: r.id, receivedAt: iso(r.received_at), sha256: r.sheet_sha256 });

/** Decrypts a stored row and checks it against its receipt's hash. */
export function openSheet(ring: KeyRing, r: SheetRow): StoredSheet {
  const plain = unseal(ring, { kid: r.kid, iv: Buffer.from(r.iv), tag: Buffer.from(r.tag), data: Buffer.from(r.data) }, [r.id, r.partner_id, r.body_sha256]);
  if (sha256(plain) !== r.sheet_sha256) throw new Error('Fiche altérée : son empreinte ne correspond plus à l’accusé de réception.');
  return JSON.parse(plain) as StoredSheet;
}

/** The liaison routes; `liaisonRoutes` is this list with the settings read from the server's environment. */
export function createLiaisonRoutes(opts: LiaisonRoutesOptions = {}): Route[] {
  const now = opts.now ?? (() => Date.now());
  const configs = new WeakMap<object, LiaisonConfig | null>();
  const configOf = (ctx: RouteContext): LiaisonConfig | null => {
    if (opts.config) return opts.config;
    if (!configs.has(ctx.env)) configs.set(ctx.env, readLiaisonConfig(ctx.env));
    return configs.get(ctx.env) ?? null;
  };
  const unconfigured = (res: ServerResponse) =>
    problem(res, 503, 'Récepteur non configuré', 'Le récepteur de fiches de liaison n’est pas configuré sur ce serveur (clé de chiffrement RELAIS_LIAISON_KEY absente) : aucune fiche n’est reçue.');

  const partnerOf = async (ctx: RouteContext, req: IncomingMessage, cfg: LiaisonConfig): Promise<Actor | null> => {
    const auth = req.headers.authorization;
    if (auth === undefined) return cfg.anonymous ? { kind: 'anonymous', id: 'anonyme', ...cfg.anonymous } : null;
    const m = BEARER.exec(auth);
    if (!m?.[1]) return null;
    // a lookup by the token's SHA-256: what an attacker can time is a hash, never a prefix of a real token
    const rows = await ctx.db.query<{ id: string; rate_per_minute: number; quota_per_day: number }>('SELECT id, rate_per_minute, quota_per_day FROM liaison_partners WHERE token_sha256 = $1 AND revoked_at IS NULL', [hashToken(m[1])]);
    const p = rows[0];
    return p ? { kind: 'partner', id: p.id, ratePerMinute: Number(p.rate_per_minute), quotaPerDay: Number(p.quota_per_day) } : null;
  };

  const recipientOf = async (ctx: RouteContext, req: IncomingMessage): Promise<string | null> => {
    const m = BEARER.exec(req.headers.authorization ?? '');
    if (!m?.[1]) return null;
    const rows = await ctx.db.query<{ id: string }>('SELECT id FROM liaison_recipients WHERE token_sha256 = $1 AND revoked_at IS NULL', [hashToken(m[1])]);
    return rows[0]?.id ?? null;
  };

  const receive = async (req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> => {
    const cfg = configOf(ctx);
    if (!cfg) {
      req.resume();
      return unconfigured(res);
    }
    const t = now();
    const actor = await partnerOf(ctx, req, cfg);
    if (!actor) {
      req.resume();
      ctx.log.warn('liaison.refused', { status: 401 });
      return problem(res, 401, 'Authentification requise', 'Jeton de partenaire manquant ou invalide (en-tête Authorization: Bearer …).', {}, { 'www-authenticate': 'Bearer realm="relais-liaison"' });
    }
    const done = async (status: number, action: string, sheetId: string | null = null) => {
      await logAccess(ctx.db, t, actor.kind, actor.id, action, status, sheetId);
      ctx.log.info('liaison.send', { partner: actor.id, action, status });
    };
    const recent = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM liaison_access_log WHERE actor_kind = $1 AND actor_id = $2 AND at > $3::timestamptz', [actor.kind, actor.id, new Date(t - 60_000).toISOString()]);
    if (Number(recent[0]?.n ?? 0) >= actor.ratePerMinute) {
      req.resume();
      await done(429, 'rate-limited');
      return problem(res, 429, 'Trop de requêtes', 'Trop d’envois en une minute pour ce partenaire : réessayez dans une minute.', {}, { 'retry-after': '60' });
    }
    if (!/application\/json/i.test(req.headers['content-type'] ?? '')) {
      req.resume();
      await done(415, 'refused');
      return problem(res, 415, 'Type de contenu non pris en charge', 'La fiche doit être envoyée en JSON.');
    }
    const rawKey = req.headers['idempotency-key'];
    const key = typeof rawKey === 'string' ? rawKey.trim().toLowerCase() : '';
    if (!KEY.test(key)) {
      req.resume();
      await done(400, 'refused');
      return problem(res, 400, 'Clé d’idempotence manquante', 'L’en-tête Idempotency-Key (UUID) est obligatoire : il évite les doublons en cas de renvoi.');
    }
    const raw = await readBody(req, cfg.maxBytes);
    if (!raw) {
      await done(413, 'refused');
      if (!res.destroyed) problem(res, 413, 'Fiche trop volumineuse', `La fiche dépasse ${Math.round(cfg.maxBytes / 1024)} Ko.`);
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      await done(400, 'refused');
      return problem(res, 400, 'JSON illisible', 'Le corps de la requête n’est pas du JSON valide.');
    }
    const bodySha256 = sha256(canonicalJson(body));

    /** The answer to a key already used: the receipt for the same partner and body, a problem otherwise. */
    const replayOrConflict = async (row: SheetRow) => {
      if (row.partner_id !== actor.id || row.body_sha256 !== bodySha256) {
        await done(409, 'conflict');
        return problem(res, 409, 'Clé d’idempotence déjà utilisée', 'Cette clé d’envoi (Idempotency-Key) a déjà servi pour une autre fiche : la fiche n’a pas été enregistrée. Renvoyez-la avec une nouvelle clé.');
      }
      await done(409, 'replay', row.id);
      return json(res, 409, receiptOf(row));
    };
    const SELECT = 'SELECT id::text AS id, partner_id, body_sha256, sheet_sha256, template, received_at, kid, iv, tag, data FROM liaison_sheets WHERE id = $1::uuid';
    const existing = (await ctx.db.query<SheetRow>(SELECT, [key]))[0];
    if (existing) return replayOrConflict(existing);

    const { template, problems, unknownTemplate } = checkReceivedSheet(body);
    if (!template || problems.length) {
      await done(422, 'invalid');
      return unknownTemplate
        ? problem(res, 422, 'Modèle inconnu', 'Le champ « template » ne désigne pas un modèle de fiche connu.', { 'invalid-params': problems })
        : problem(res, 422, 'Fiche incomplète ou invalide', 'Corrigez les champs indiqués puis renvoyez la fiche.', { 'invalid-params': problems });
    }
    const b = body as { template: string; values: Record<string, unknown>; consent: Record<string, unknown> };
    const plain = canonicalJson({ template: b.template, templateVersion: template.version, ...keepReceivedSheet(template, b.values, b.consent) });
    const receivedAt = new Date(t).toISOString();
    const sheetSha256 = sha256(plain);
    const sealed = seal(cfg.ring, plain, [key, actor.id, bodySha256]);
    const dayStart = `${receivedAt.slice(0, 10)}T00:00:00.000Z`;
    // one transaction: the partner's lock (an exact quota under concurrent sends), the key's row or nothing
    const outcome = await ctx.db.transaction(async (tx): Promise<{ stored: true } | { existing: SheetRow } | { quota: true }> => {
      await tx.query('SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext($1))', [`relais-liaison:${actor.kind}:${actor.id}`]);
      const again = (await tx.query<SheetRow>(SELECT, [key]))[0];
      if (again) return { existing: again };
      const today = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM liaison_sheets WHERE partner_id = $1 AND received_at >= $2::timestamptz', [actor.id, dayStart]);
      if (Number(today[0]?.n ?? 0) >= actor.quotaPerDay) return { quota: true };
      const inserted = await tx.query(
        'INSERT INTO liaison_sheets (id, partner_id, body_sha256, sheet_sha256, template, received_at, kid, iv, tag, data) VALUES ($1::uuid, $2, $3, $4, $5, $6::timestamptz, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id',
        [key, actor.id, bodySha256, sheetSha256, b.template, receivedAt, sealed.kid, sealed.iv, sealed.tag, sealed.data],
      );
      if (inserted.length) return { stored: true };
      // another partner's sheet committed the same key meanwhile
      return { existing: (await tx.query<SheetRow>(SELECT, [key]))[0] as SheetRow };
    });
    if ('existing' in outcome) return replayOrConflict(outcome.existing);
    if ('quota' in outcome) {
      await done(429, 'quota');
      return problem(res, 429, 'Quota atteint', `Ce partenaire a atteint son quota de ${actor.quotaPerDay} fiches pour aujourd’hui : la fiche n’a pas été enregistrée. Réessayez demain ou contactez le département.`, {}, { 'retry-after': '3600' });
    }
    await done(201, 'stored', key);
    return json(res, 201, { id: key, receivedAt, sha256: sheetSha256 } satisfies Receipt, { location: `${ctx.basePath}${LIAISON_PATH}/${key}` });
  };

  const notAllowed = async (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    problem(res, 405, 'Méthode non autorisée', 'Envoyez la fiche avec POST.', {}, { allow: 'POST' });
  };

  /** The recipient structure's reading: 401 without its token, 404 for a sheet it may not read (or that is gone). */
  const asRecipient =
    (action: 'list' | 'read' | 'erase', run: (ctx: RouteContext, res: ServerResponse, recipient: string, cfg: LiaisonConfig) => Promise<[number, string | null, () => void]>) =>
    async (req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> => {
      req.resume();
      const cfg = configOf(ctx);
      if (!cfg) return unconfigured(res);
      const t = now();
      const recipient = await recipientOf(ctx, req);
      if (!recipient) {
        ctx.log.warn('liaison.recipient.refused', { status: 401 });
        return problem(res, 401, 'Authentification requise', 'Jeton de la structure destinataire manquant ou invalide (en-tête Authorization: Bearer …).', {}, { 'www-authenticate': 'Bearer realm="relais-destinataire"' });
      }
      const [status, sheetId, reply] = await run(ctx, res, recipient, cfg);
      // logged before the answer leaves: every sheet read is in the access log
      await logAccess(ctx.db, t, 'recipient', recipient, action, status, sheetId);
      ctx.log.info('liaison.recipient', { recipient, action, status });
      reply();
    };
  const READABLE = `FROM liaison_sheets s JOIN liaison_recipients r ON r.id = $1
    WHERE s.partner_id = ANY (r.partners) AND (r.templates IS NULL OR s.template = ANY (r.templates))`;
  const notFound = (res: ServerResponse) => problem(res, 404, 'Fiche introuvable', 'Aucune fiche de ce numéro pour votre structure : elle n’existe pas, a été effacée ou a dépassé sa durée de conservation.');

  const list = asRecipient('list', async (ctx, res, recipient) => {
    const since = ctx.url.searchParams.get('depuis');
    if (since !== null && Number.isNaN(Date.parse(since))) {
      return [400, null, () => problem(res, 400, 'Date illisible', 'Le paramètre « depuis » doit être une date ISO 8601 (par exemple 2026-11-23T10:00:00Z).')];
    }
    // the next page starts after the last (date, id) of the previous one: sheets received in the same millisecond are
    // neither skipped nor repeated
    const cursor = ctx.url.searchParams.get('curseur');
    const after = cursor === null ? null : /^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([0-9a-f-]{36})$/.exec(cursor);
    if (cursor !== null && (!after || !KEY.test(after[2] ?? ''))) return [400, null, () => problem(res, 400, 'Curseur illisible', 'Le paramètre « curseur » doit être repris tel quel de la page précédente (« suivant »).')];
    const limit = Math.max(1, Math.min(500, Number(ctx.url.searchParams.get('limite')) || 100));
    const rows = await ctx.db.query<SheetRow>(
      `SELECT s.id::text AS id, s.partner_id, s.template, s.received_at, s.sheet_sha256 ${READABLE}
         AND s.received_at > $2::timestamptz AND (s.received_at, s.id) > ($4::timestamptz, $5::uuid) ORDER BY s.received_at, s.id LIMIT $3`,
      [recipient, new Date(since ? Date.parse(since) : 0).toISOString(), limit, after?.[1] ?? '1970-01-01T00:00:00.000Z', after?.[2] ?? '00000000-0000-0000-0000-000000000000'],
    );
    const items = rows.map((r) => ({ ...receiptOf(r), partner: r.partner_id, template: r.template, location: `${ctx.basePath}${RECIPIENT_PATH}/${r.id}` }));
    const last = items[items.length - 1];
    return [200, null, () => json(res, 200, { items, ...(last && items.length === limit ? { suivant: `${last.receivedAt}_${last.id}` } : {}) })];
  });

  const read = asRecipient('read', async (ctx, res, recipient, cfg) => {
    const id = (ctx.params.id ?? '').toLowerCase();
    const row = KEY.test(id) ? (await ctx.db.query<SheetRow>(`SELECT s.id::text AS id, s.partner_id, s.body_sha256, s.sheet_sha256, s.template, s.received_at, s.kid, s.iv, s.tag, s.data ${READABLE} AND s.id = $2::uuid`, [recipient, id]))[0] : undefined;
    if (!row) return [404, null, () => notFound(res)];
    let sheet: StoredSheet;
    try {
      sheet = openSheet(cfg.ring, row);
    } catch {
      // a missing key (rotation without RELAIS_LIAISON_OLD_KEYS) or an altered row: said, never guessed
      ctx.log.error('liaison.unreadable', { recipient, kid: row.kid });
      return [500, row.id, () => problem(res, 500, 'Fiche illisible', 'Cette fiche ne peut pas être déchiffrée avec les clés de ce serveur (clé absente ou fiche altérée) : prévenez l’administrateur du récepteur.')];
    }
    return [200, row.id, () => json(res, 200, { receipt: receiptOf(row), partner: row.partner_id, ...sheet })];
  });

  const erase = asRecipient('erase', async (ctx, res, recipient) => {
    const id = (ctx.params.id ?? '').toLowerCase();
    const gone = KEY.test(id) ? await ctx.db.query<{ id: string }>(`DELETE FROM liaison_sheets WHERE id = $2::uuid AND id IN (SELECT s.id ${READABLE}) RETURNING id::text AS id`, [recipient, id]) : [];
    if (!gone.length) return [404, null, () => notFound(res)];
    return [204, id, () => res.writeHead(204, { 'cache-control': 'no-store' }).end()];
  });

  return [
    { method: 'POST', path: LIAISON_PATH, handle: receive },
    ...(['GET', 'PUT', 'PATCH', 'DELETE'] as const).map((method): Route => ({ method, path: LIAISON_PATH, handle: notAllowed })),
    { method: 'GET', path: RECIPIENT_PATH, handle: list },
    { method: 'GET', path: `${RECIPIENT_PATH}/:id`, handle: read },
    { method: 'DELETE', path: `${RECIPIENT_PATH}/:id`, handle: erase },
    { method: 'GET', path: `${LIAISON_PATH}/:id`, handle: read },
  ];
}

/** The liaison routes, settings read from the server's environment (RELAIS_LIAISON_*). */
export const liaisonRoutes: Route[] = createLiaisonRoutes();
