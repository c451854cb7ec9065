/**
 * The indicators (contract packages/core/indicators-openapi.json), off unless `RELAIS_INDICATORS=1` (404 otherwise):
 *
 * - `POST /indicateurs/evenements`: a batch of measurement events from the widgets. No cookie, no authentication;
 *   CORS for the sites of `RELAIS_CORS_ORIGINS` (preflight by the app); a per-IP rate limit of its own
 *   (`RELAIS_INDICATORS_RATE_LIMIT`, in memory, the IP forgotten with the minute); 64 KiB and 50 events at most
 *   (413); JSON only (415); every event checked against measurement-v1.schema.json, the batch counted whole or not at
 *   all (422 with `errors: [{ index, message }]`). The batch is reduced to daily counters in one transaction: no IP,
 *   no row per event, nothing finer than the day.
 * - `GET /indicateurs?du&au&departement`: the aggregates of a period, cells below k masked (report.ts).
 *
 * Paths are relative to the app's base path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiter } from '../http/rate-limit.js';
import { sendJson, sendProblem } from '../http/respond.js';
import type { Route, RouteContext } from '../http/types.js';
import { readBody } from '../http/body.js';
import { readIndicatorsConfig, type IndicatorsConfig } from './config.js';
import { checkEvent, isDate, parisDays, reduceBatch } from './events.js';
import { buildIndicators } from './report.js';

/** Where the widgets post their events. */
export const EVENTS_PATH = '/indicateurs/evenements';
/** Where the dashboard reads the indicators. */
export const INDICATORS_PATH = '/indicateurs';
/** Largest body and batch accepted. */
export const MAX_BYTES = 64 * 1024;
export const MAX_EVENTS = 50;
/** Longest period of `GET /indicateurs` (days after `du`). */
export const MAX_DAYS = 366;

/** Options of the routes (tests). */
export interface IndicatorsRoutesOptions {
  /** The clock. */
  now?: () => number;
  /** Settings; read from `ctx.env` when not given. */
  config?: IndicatorsConfig;
}


const NO_STORE = { 'cache-control': 'no-store' };
const DEP = /^(\d{2}|2A|2B|97\d)$/;

/** The indicator routes; `indicatorsRoutes` is this list with the settings of the server's environment. */
export function createIndicatorsRoutes(opts: IndicatorsRoutesOptions = {}): Route[] {
  const now = opts.now ?? (() => Date.now());
  const configs = new WeakMap<object, IndicatorsConfig>();
  const configOf = (ctx: RouteContext): IndicatorsConfig => {
    if (opts.config) return opts.config;
    let c = configs.get(ctx.env);
    if (!c) configs.set(ctx.env, (c = readIndicatorsConfig(ctx.env)));
    return c;
  };
  let limiter: RateLimiter | null = null;
  const off = (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    sendProblem(res, 404, 'Introuvable', 'Les indicateurs ne sont pas activés sur ce serveur (RELAIS_INDICATORS).');
  };

  const receive = async (req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> => {
    const cfg = configOf(ctx);
    if (!cfg.enabled) return off(req, res);
    limiter ??= new RateLimiter(cfg.ratePerMinute, now);
    const v = limiter.hit(ctx.clientIp ?? req.socket.remoteAddress ?? 'inconnue');
    if (!v.ok) {
      req.resume();
      return sendProblem(res, 429, 'Trop d’envois', `Trop d’envois d’indicateurs depuis cette adresse : réessayez dans ${v.resetS} s.`, {}, { 'retry-after': String(v.resetS), ...NO_STORE });
    }
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      req.resume();
      return sendProblem(res, 415, 'Type de contenu non pris en charge', 'Le lot d’événements doit être envoyé en JSON (Content-Type: application/json).', {}, NO_STORE);
    }
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BYTES) {
      req.resume();
      return sendProblem(res, 413, 'Lot trop volumineux', `Un lot ne dépasse pas ${MAX_BYTES / 1024} Kio.`, {}, NO_STORE);
    }
    const raw = await readBody(req, MAX_BYTES);
    if (!raw) {
      if (!res.destroyed) sendProblem(res, 413, 'Lot trop volumineux', `Un lot ne dépasse pas ${MAX_BYTES / 1024} Kio.`, {}, NO_STORE);
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendProblem(res, 400, 'JSON illisible', 'Le corps de la requête n’est pas du JSON valide.', {}, NO_STORE);
    }
    const invalid = (message: string) => sendProblem(res, 422, 'Lot refusé', `Le lot ne suit pas le contrat : rien n’a été compté. ${message}`, { errors: [{ message }] }, NO_STORE);
    if (!body || typeof body !== 'object' || Array.isArray(body)) return invalid('Un objet { "evenements": […] } est attendu.');
    const extra = Object.keys(body).filter((key) => key !== 'evenements');
    if (extra.length) return invalid(`Champ non prévu « ${extra[0]!.slice(0, 40)} » : seul « evenements » est accepté.`);
    const events = (body as { evenements?: unknown }).evenements;
    if (!Array.isArray(events)) return invalid('« evenements » doit être une liste.');
    if (events.length === 0) return invalid('La liste « evenements » est vide.');
    if (events.length > MAX_EVENTS) return sendProblem(res, 413, 'Lot trop volumineux', `Un lot compte ${MAX_EVENTS} événements au plus (reçu ${events.length}).`, {}, NO_STORE);
    const errors: Array<{ index: number; message: string }> = [];
    events.forEach((e, index) => {
      const message = checkEvent(e);
      if (message) errors.push({ index, message });
    });
    if (errors.length) {
      ctx.log.info('indicators.refused', { events: events.length, invalid: errors.length });
      return sendProblem(res, 422, 'Lot refusé', `${errors.length} événement(s) sur ${events.length} ne suivent pas le schéma de mesure v1 : rien n’a été compté.`, { errors }, NO_STORE);
    }
    const cells = reduceBatch(events, now());
    await ctx.db.transaction((tx) =>
      tx.query(
        `insert into indicator_counts (day, kind, dims, n)
         select c.day, c.kind, c.dims, c.n from jsonb_to_recordset($1::jsonb) as c(day date, kind text, dims jsonb, n int)
         on conflict (day, kind, dims) do update set n = indicator_counts.n + excluded.n`,
        [JSON.stringify(cells)],
      ),
    );
    ctx.log.info('indicators.counted', { events: events.length, cells: cells.length });
    sendJson(res, 202, { comptes: events.length }, NO_STORE);
  };

  const read = async (req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> => {
    const cfg = configOf(ctx);
    if (!cfg.enabled) return off(req, res);
    const p = ctx.url.searchParams;
    const du = p.get('du') ?? '';
    const au = p.get('au') ?? '';
    const departement = p.get('departement') ?? undefined;
    const invalid: Array<{ name: string; reason: string }> = [];
    if (!isDate(du)) invalid.push({ name: 'du', reason: 'Date de début AAAA-MM-JJ obligatoire.' });
    if (!isDate(au)) invalid.push({ name: 'au', reason: 'Date de fin AAAA-MM-JJ obligatoire (incluse).' });
    if (!invalid.length) {
      const days = (Date.parse(au) - Date.parse(du)) / 86_400_000;
      if (days < 0) invalid.push({ name: 'au', reason: 'La date de fin précède la date de début.' });
      else if (days > MAX_DAYS) invalid.push({ name: 'au', reason: `La période dépasse ${MAX_DAYS} jours.` });
    }
    if (departement !== undefined && !DEP.test(departement)) invalid.push({ name: 'departement', reason: 'Code de département attendu (58, 2A, 974…).' });
    if (invalid.length) return sendProblem(res, 400, 'Période invalide', 'Certains paramètres sont invalides.', { 'invalid-params': invalid }, NO_STORE);
    const report = await buildIndicators(ctx.db, { du, au, departement, k: cfg.k, today: parisDays(now()).today, log: ctx.log });
    sendJson(res, 200, report, NO_STORE);
  };

  return [
    { method: 'POST', path: EVENTS_PATH, handle: receive },
    { method: 'GET', path: INDICATORS_PATH, handle: read },
  ];
}

/** The indicator routes, settings from the server's environment (`RELAIS_INDICATORS`, `RELAIS_INDICATORS_K`…). */
export const indicatorsRoutes: Route[] = createIndicatorsRoutes();
