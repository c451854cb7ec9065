/**
 * The routes of the contributions contract (packages/core/contributions-openapi.json), relative to the server's base
 * path like the directory's:
 * - public: `POST /services/{id}/suggestions` (16 KiB, JSON only, honeypot `site_web`, per-IP limit per hour),
 *   `GET|POST /confirmation/{jeton}` (HTML page without script, strict CSP; one-time link);
 * - sign-in: `GET /auth/login`, `GET /auth/callback`, `POST /auth/logout`, `GET /auth/moi` (OpenID Connect);
 * - moderators (session cookie; POSTs need `content-type: application/json` and an allowed `Origin`): the queue,
 *   accept, reject, history, freshness, confirmation requests, counts per structure.
 * Problems in French (RFC 9457); logs carry event names and counts, never a value, a name, an address or a token.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AUTEURS, CHAMPS, type Auteur, type Champ, type Service, type Structure } from '@relais/core/headless';
import { clientIp } from '../http/app.js';
import { RateLimiter } from '../http/rate-limit.js';
import { sendJson, sendProblem } from '../http/respond.js';
import type { Route, RouteContext } from '../http/types.js';
import { readBody } from '../http/body.js';
import { closeSession, cookie, LOGIN_COOKIE, LOGIN_COOKIE_MAX_AGE, newToken, OidcClient, openSession, readSession, redirect, saveLogin, SESSION_COOKIE, sha256, SignInError, takeLogin, territoriesOf, type Session } from './auth.js';
import { readContributionsConfig, type ContributionsConfig } from './config.js';
import { confirmationMail, decisionMail, maskEmail, smtpMailer, type Mailer } from './mail.js';
import { confirmationPage, donePage, GONE_PAGE, PAGE_FIELDS, sendPage } from './page.js';
import {
  acceptSuggestion,
  contributionStats,
  currentValue,
  DecisionError,
  getContribution,
  GoneError,
  listContributions,
  liveToken,
  readService,
  rejectSuggestion,
  saveConfirmationToken,
  serviceDepartement,
  serviceHistory,
  staleServices,
  storeSuggestion,
  useConfirmationToken,
} from './store.js';

/** Largest body of a suggestion or a confirmation (16 KiB). */
export const MAX_SUGGESTION_BYTES = 16 * 1024;
const MAX_MODERATION_BYTES = 4 * 1024;

export interface ContributionRoutesOptions {
  /** Settings; read from `ctx.env` when not given. */
  config?: ContributionsConfig;
  /** Sends the e-mails (default: SMTP from the settings). */
  mailer?: Mailer;
  /** The clock (tests). */
  now?: () => number;
}

interface Runtime {
  cfg: ContributionsConfig;
  oidc: OidcClient | null;
  mailer: Mailer | null;
  limiter: RateLimiter;
  trustProxy: boolean;
}

type FieldError = { champ: string; message: string };

const DEP = /^(\d{2}|2A|2B|\d{3})$/;
const EMAIL = /^[^\s@<>()[\],;:"]{1,64}@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;
const PHONE = /^\+?[0-9 .()-]{6,25}$/;
// C0 controls (but tab and line breaks) and DEL; lone UTF-16 surrogates
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Checks a text value: a string, within `max`, without control characters nor broken Unicode. */
function text(v: unknown, champ: string, max: number, errors: FieldError[]): string | null {
  if (typeof v !== 'string') {
    errors.push({ champ, message: 'Un texte est attendu.' });
    return null;
  }
  if (v.length > max) {
    errors.push({ champ, message: `${max} caractères au plus.` });
    return null;
  }
  if (CONTROL.test(v) || LONE_SURROGATE.test(v)) {
    errors.push({ champ, message: 'Ce texte contient des caractères de contrôle ou invalides.' });
    return null;
  }
  return v.trim();
}

/** `v` as an object of the `allowed` properties, each other one an error; null, with `expected` as the error, when it is no object. */
function objectOf(v: unknown, allowed: readonly string[], expected: string, errors: FieldError[]): Record<string, unknown> | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    errors.push({ champ: '', message: expected });
    return null;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!allowed.includes(k)) errors.push({ champ: k.slice(0, 40), message: 'Propriété inconnue.' });
  return o;
}

/** Checks the changes of a suggestion or a correction. */
function readChanges(v: unknown, errors: FieldError[]): Array<{ champ: Champ; valeur: string }> {
  if (!Array.isArray(v) || v.length < 1 || v.length > CHAMPS.length) {
    errors.push({ champ: 'changements', message: `De 1 à ${CHAMPS.length} changements sont attendus.` });
    return [];
  }
  const out: Array<{ champ: Champ; valeur: string }> = [];
  v.forEach((c: unknown, i) => {
    const at = `changements[${i}]`;
    if (!c || typeof c !== 'object' || Array.isArray(c)) return errors.push({ champ: at, message: 'Un objet { champ, valeur } est attendu.' });
    const o = c as Record<string, unknown>;
    const extra = Object.keys(o).filter((k) => k !== 'champ' && k !== 'valeur');
    if (extra.length) errors.push({ champ: at, message: `Propriété inconnue : ${extra[0]!.slice(0, 40)}.` });
    if (!CHAMPS.includes(o.champ as Champ)) return errors.push({ champ: `${at}.champ`, message: `Champ inconnu : un de ${CHAMPS.join(', ')}.` });
    const champ = o.champ as Champ;
    if (out.some((x) => x.champ === champ)) return errors.push({ champ: `${at}.champ`, message: 'Ce champ est proposé deux fois.' });
    const valeur = text(o.valeur ?? (champ === 'ferme' ? '' : undefined), `${at}.valeur`, 2000, errors);
    if (valeur === null) return;
    if (champ !== 'ferme' && !valeur) return errors.push({ champ: `${at}.valeur`, message: 'La nouvelle valeur est vide.' });
    if (champ === 'telephone' && !PHONE.test(valeur)) return errors.push({ champ: `${at}.valeur`, message: 'Numéro de téléphone attendu (chiffres, espaces, points, tirets, + au début).' });
    if (champ === 'courriel' && (valeur.length > 200 || !EMAIL.test(valeur))) return errors.push({ champ: `${at}.valeur`, message: 'Adresse électronique attendue (nom@domaine.fr).' });
    out.push({ champ, valeur });
  });
  return out;
}

/** Checks a SuggestionRequest; the honeypot is read before (`site_web`). */
export function validateSuggestion(body: unknown): { value: { auteur: Auteur; changements: Array<{ champ: Champ; valeur: string }>; commentaire: string | null; contact: string | null } | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const o = objectOf(body, ['auteur', 'changements', 'commentaire', 'contact', 'site_web'], 'Un objet JSON est attendu.', errors);
  if (!o) return { value: null, errors };
  if (!AUTEURS.includes(o.auteur as Auteur)) errors.push({ champ: 'auteur', message: 'Qui écrit : usager, professionnel ou structure.' });
  const changements = readChanges(o.changements, errors);
  const commentaire = o.commentaire === undefined ? null : text(o.commentaire, 'commentaire', 2000, errors);
  const contact = o.contact === undefined ? null : text(o.contact, 'contact', 200, errors);
  if (o.site_web !== undefined) text(o.site_web, 'site_web', 200, errors);
  if (errors.length) return { value: null, errors };
  return { value: { auteur: o.auteur as Auteur, changements, commentaire: commentaire || null, contact: contact || null }, errors };
}


/** The suggestion id of a decision route (a UUID), or null after answering 404. */
function suggestionId(ctx: RouteContext, res: ServerResponse): string | null {
  const id = ctx.params.id!;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return id;
  sendProblem(res, 404, 'Suggestion introuvable', 'Cette suggestion n’existe pas.');
  return null;
}

/** Whether the moderator of this session moderates a département (none: no one does). */
const moderates = (s: Session) => (departement: string | null | undefined): boolean => !!departement && s.territoires.includes(departement);

const mediaType = (req: IncomingMessage) => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

function tooLarge(res: ServerResponse, max: number): void {
  sendProblem(res, 413, 'Corps trop volumineux', `Le corps de la requête dépasse ${Math.round(max / 1024)} Kio.`, {}, { connection: 'close' });
}
const notJson = (res: ServerResponse) => sendProblem(res, 415, 'Type de contenu non pris en charge', 'Le corps doit être du JSON (content-type: application/json).');
const badJson = (res: ServerResponse) => sendProblem(res, 400, 'JSON invalide', 'Le corps de la requête n’est pas du JSON lisible.');
const invalid = (res: ServerResponse, errors: FieldError[], detail = 'Corrigez les champs indiqués.') => sendProblem(res, 422, 'Données invalides', detail, { errors });

/** Parses JSON without letting `__proto__` reach an object's prototype (own properties only, then ignored). */
function parseJson(buf: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(buf.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The contributions' routes; `contributionRoutes` is this list with the settings read from the server's environment. */
export function createContributionRoutes(opts: ContributionRoutesOptions = {}): Route[] {
  const now = opts.now ?? Date.now;
  const runtimes = new WeakMap<object, Runtime>();
  const runtime = (ctx: RouteContext): Runtime => {
    let r = runtimes.get(ctx.env);
    if (!r) {
      const cfg = opts.config ?? readContributionsConfig(ctx.env);
      r = {
        cfg,
        oidc: cfg.oidc && cfg.publicUrl ? new OidcClient(cfg.oidc, `${cfg.publicUrl}/auth/callback`) : null,
        mailer: opts.mailer ?? (cfg.mail ? smtpMailer(cfg.mail) : null),
        limiter: new RateLimiter(cfg.suggestionsPerHour, now, 3_600_000),
        trustProxy: ctx.env.RELAIS_TRUST_PROXY === '1' || ctx.env.RELAIS_TRUST_PROXY === 'true',
      };
      runtimes.set(ctx.env, r);
    }
    return r;
  };
  const allowedOrigins = (cfg: ContributionsConfig) => new Set([...cfg.moderationOrigins, ...(cfg.publicUrl ? [new URL(cfg.publicUrl).origin] : [])]);

  /** The moderator of the request, or null once the problem is sent. POSTs: allowed origin, JSON. */
  const moderator = async (req: IncomingMessage, res: ServerResponse, ctx: RouteContext, post: boolean): Promise<Session | null> => {
    const { cfg } = runtime(ctx);
    if (post) {
      const origin = req.headers.origin;
      if (!origin || !allowedOrigins(cfg).has(origin)) {
        req.resume();
        sendProblem(res, 403, 'Origine non autorisée', 'Cette action n’est acceptée que depuis les sites de modération déclarés (RELAIS_MODERATION_ORIGINS).');
        return null;
      }
      if (mediaType(req) !== 'application/json') {
        req.resume();
        notJson(res);
        return null;
      }
    }
    const session = await readSession(ctx.db, req);
    if (!session) {
      req.resume();
      sendProblem(res, 401, 'Connexion nécessaire', 'Connectez-vous pour modérer l’annuaire.', {}, { 'cache-control': 'no-store' });
      return null;
    }
    if (!session.territoires.length) {
      req.resume();
      sendProblem(res, 403, 'Territoire non autorisé', 'Vous ne modérez plus aucun territoire.');
      return null;
    }
    return session;
  };

  /** The départements of a moderator's listing: `departement` when given (and moderated), else all theirs; null once the problem is sent. */
  const territories = async (req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<string[] | null> => {
    const s = await moderator(req, res, ctx, false);
    if (!s) return null;
    const d = ctx.url.searchParams.get('departement');
    if (d === null) return s.territoires;
    if (!DEP.test(d)) {
      sendProblem(res, 400, 'Paramètres invalides', 'departement : code de département attendu (58, 2A, 971).', { errors: [{ champ: 'departement', message: 'Code de département attendu (58, 2A, 971).' }] });
      return null;
    }
    if (!s.territoires.includes(d)) {
      sendProblem(res, 403, 'Territoire non autorisé', `Vous ne modérez pas le département ${d}.`);
      return null;
    }
    return [d];
  };

  /** page, taille and an optional integer parameter; null once the problem is sent. */
  const paging = (res: ServerResponse, ctx: RouteContext, extra?: { name: string; def: number; min: number; max: number }): { page: number; taille: number; extra: number } | null => {
    const errors: FieldError[] = [];
    const int = (name: string, def: number, min: number, max: number) => {
      const raw = ctx.url.searchParams.get(name);
      if (raw === null) return def;
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
        errors.push({ champ: name, message: max === Infinity ? `Entier à partir de ${min}.` : `Entier de ${min} à ${max}.` });
        return def;
      }
      return n;
    };
    const page = int('page', 1, 1, Infinity);
    const taille = int('taille', 20, 1, 100);
    const x = extra ? int(extra.name, extra.def, extra.min, extra.max) : 0;
    if (errors.length) {
      sendProblem(res, 400, 'Paramètres invalides', 'Certains paramètres sont invalides.', { errors });
      return null;
    }
    return { page, taille, extra: x };
  };

  const notifyAuthor = async (rt: Runtime, ctx: RouteContext, contact: string | null, serviceNom: string, acceptee: boolean, motif: string | null) => {
    if (!contact || !EMAIL.test(contact) || !rt.mailer) return;
    try {
      await rt.mailer.send(decisionMail({ to: contact, serviceNom, acceptee, motif }));
      ctx.log.info('decision_notice_sent', { acceptee });
    } catch (e) {
      ctx.log.warn('decision_notice_failed', { error: (e as Error)?.name ?? 'Error' });
    }
  };

  /** A moderator's POST on a suggestion: the session, the settings and the body (4 KiB); null once the problem is sent. */
  const moderation = async (req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<{ s: Session; rt: Runtime; buf: Buffer } | null> => {
    const s = await moderator(req, res, ctx, true);
    if (!s) return null;
    const buf = await readBody(req, MAX_MODERATION_BYTES);
    if (!buf) {
      tooLarge(res, MAX_MODERATION_BYTES);
      return null;
    }
    return { s, rt: runtime(ctx), buf };
  };

  /** Runs a decision on the suggestion of the path (404 for an id that is no UUID); a refused decision is its problem. */
  const decide = async (res: ServerResponse, ctx: RouteContext, run: (id: string) => Promise<void>): Promise<void> => {
    const id = suggestionId(ctx, res);
    if (!id) return;
    try {
      await run(id);
    } catch (e) {
      if (!(e instanceof DecisionError)) throw e;
      sendProblem(res, e.status, e.title, e.message);
    }
  };

  return [
    {
      method: 'POST',
      path: '/services/:id/suggestions',
      async handle(req, res, ctx) {
        const rt = runtime(ctx);
        const v = rt.limiter.hit(clientIp(req, rt.trustProxy));
        if (!v.ok) {
          req.resume();
          ctx.log.info('suggestion_limited', {});
          return sendProblem(res, 429, 'Trop de suggestions', `Trop de suggestions depuis cette adresse : réessayez dans ${Math.ceil(v.resetS / 60)} min.`, {}, { 'retry-after': String(v.resetS) });
        }
        if (mediaType(req) !== 'application/json') {
          req.resume();
          return notJson(res);
        }
        const buf = await readBody(req, MAX_SUGGESTION_BYTES);
        if (!buf) return tooLarge(res, MAX_SUGGESTION_BYTES);
        const parsed = parseJson(buf);
        if (!parsed.ok) return badJson(res);
        const body = parsed.value as Record<string, unknown> | null;
        // the honeypot: same answer, nothing kept
        if (body && typeof body === 'object' && typeof body.site_web === 'string' && body.site_web.trim() !== '') {
          ctx.log.info('suggestion_honeypot', {});
          return sendJson(res, 202, { id: randomUUID(), statut: 'en_attente' }, { 'cache-control': 'no-store' });
        }
        const { value, errors } = validateSuggestion(body);
        if (!value) return invalid(res, errors, 'La suggestion est incomplète ou invalide : corrigez les champs indiqués.');
        const id = ctx.params.id!;
        const record = id.length <= 200 ? await readService(ctx.db, id, rt.cfg.externalSources) : null;
        if (!record || record.closed) return sendProblem(res, 404, 'Service introuvable', 'Ce service n’existe pas ou plus.');
        const sid = await storeSuggestion(ctx.db, record, value);
        ctx.log.info('suggestion_stored', { changes: value.changements.length, auteur: value.auteur, own: record.own });
        sendJson(res, 202, { id: sid, statut: 'en_attente' }, { 'cache-control': 'no-store' });
      },
    },
    {
      method: 'GET',
      path: '/auth/login',
      async handle(_req, res, ctx) {
        const rt = runtime(ctx);
        if (!rt.oidc) return sendProblem(res, 503, 'Connexion non configurée', 'La connexion des modérateurs n’est pas configurée sur ce serveur (RELAIS_OIDC_ISSUER, RELAIS_PUBLIC_URL).');
        const retour = ctx.url.searchParams.get('retour') ?? '';
        let ok = false;
        try {
          const u = new URL(retour);
          ok = retour.length <= 2000 && allowedOrigins(rt.cfg).has(u.origin);
        } catch {
          ok = false;
        }
        if (!ok) return sendProblem(res, 400, 'Adresse de retour refusée', 'retour : adresse d’une page des sites de modération déclarés (RELAIS_MODERATION_ORIGINS) attendue.');
        let start;
        try {
          start = await rt.oidc.start();
        } catch (e) {
          ctx.log.error('oidc_discovery_failed', { error: (e as Error)?.name ?? 'Error', code: (e as { code?: string })?.code ?? null });
          return sendProblem(res, 502, 'Fournisseur d’identité injoignable', 'Le fournisseur d’identité ne répond pas : réessayez dans un instant.');
        }
        const id = await saveLogin(ctx.db, { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier, retour });
        redirect(res, start.url, [cookie(rt.cfg, LOGIN_COOKIE, id, LOGIN_COOKIE_MAX_AGE, true)]);
      },
    },
    {
      method: 'GET',
      path: '/auth/callback',
      async handle(req, res, ctx) {
        const rt = runtime(ctx);
        if (!rt.oidc || !rt.cfg.publicUrl) return sendProblem(res, 503, 'Connexion non configurée', 'La connexion des modérateurs n’est pas configurée sur ce serveur.');
        const clear = cookie(rt.cfg, LOGIN_COOKIE, '', 0, true);
        const login = await takeLogin(ctx.db, req);
        if (!login) return sendProblem(res, 400, 'Connexion expirée', 'La connexion a expiré ou a déjà abouti : recommencez depuis la page de modération.', {}, { 'set-cookie': clear });
        if (ctx.url.searchParams.has('error')) {
          ctx.log.info('sign_in', { ok: false, reason: 'provider_error' });
          return sendProblem(res, 400, 'Connexion refusée', 'Le fournisseur d’identité n’a pas accordé la connexion.', {}, { 'set-cookie': clear });
        }
        const callbackUrl = new URL(`${rt.cfg.publicUrl}/auth/callback${ctx.url.search}`);
        let who;
        try {
          who = await rt.oidc.finish(callbackUrl, login);
        } catch (e) {
          ctx.log.warn('sign_in', { ok: false, reason: (e as { code?: string })?.code ?? (e as Error)?.name ?? 'Error' });
          if (e instanceof SignInError) return sendProblem(res, e.status, e.title, e.message, {}, { 'set-cookie': clear });
          return sendProblem(res, 400, 'Réponse du fournisseur invalide', 'La réponse du fournisseur d’identité est invalide ou expirée : recommencez la connexion.', {}, { 'set-cookie': clear });
        }
        const territoires = await territoriesOf(ctx.db, who.sub, who.courriel);
        if (!territoires.length) {
          ctx.log.info('sign_in', { ok: false, reason: 'not_a_moderator' });
          return sendProblem(res, 403, 'Accès réservé aux modérateurs', 'Votre compte n’est modérateur d’aucun territoire : demandez à l’administrateur de l’annuaire de vous ajouter.', {}, { 'set-cookie': clear });
        }
        const token = await openSession(ctx.db, who, rt.cfg.sessionHours);
        ctx.log.info('sign_in', { ok: true, territories: territoires.length });
        redirect(res, login.retour, [clear, cookie(rt.cfg, SESSION_COOKIE, token, rt.cfg.sessionHours * 3600)]);
      },
    },
    {
      method: 'POST',
      path: '/auth/logout',
      async handle(req, res, ctx) {
        const { cfg } = runtime(ctx);
        const origin = req.headers.origin;
        req.resume();
        if (!origin || !allowedOrigins(cfg).has(origin)) return sendProblem(res, 403, 'Origine non autorisée', 'Cette action n’est acceptée que depuis les sites de modération déclarés.');
        if (mediaType(req) !== 'application/json') return notJson(res);
        await closeSession(ctx.db, req);
        res.writeHead(204, { 'set-cookie': cookie(cfg, SESSION_COOKIE, '', 0), 'cache-control': 'no-store' });
        res.end();
      },
    },
    {
      method: 'GET',
      path: '/auth/moi',
      async handle(req, res, ctx) {
        const s = await readSession(ctx.db, req);
        if (!s) return sendProblem(res, 401, 'Connexion nécessaire', 'Aucune session ouverte.', {}, { 'cache-control': 'no-store' });
        sendJson(res, 200, { sub: s.sub, nom: s.nom, courriel: s.courriel, territoires: s.territoires }, { 'cache-control': 'no-store' });
      },
    },
    {
      method: 'GET',
      path: '/contributions',
      async handle(req, res, ctx) {
        const deps = await territories(req, res, ctx);
        if (!deps) return;
        const statut = ctx.url.searchParams.get('statut') ?? 'en_attente';
        if (statut !== 'en_attente' && statut !== 'acceptee' && statut !== 'refusee') return sendProblem(res, 400, 'Paramètres invalides', 'statut : en_attente, acceptee ou refusee.', { errors: [{ champ: 'statut', message: 'en_attente, acceptee ou refusee.' }] });
        const p = paging(res, ctx);
        if (!p) return;
        const page = await listContributions(ctx.db, { departements: deps, statut, page: p.page, taille: p.taille, externalSources: runtime(ctx).cfg.externalSources });
        sendJson(res, 200, page, { 'cache-control': 'no-store' });
      },
    },
    {
      method: 'POST',
      path: '/contributions/:id/acceptation',
      async handle(req, res, ctx) {
        const m = await moderation(req, res, ctx);
        if (!m) return;
        const { s, rt, buf } = m;
        let champs: Champ[] | null = null;
        if (buf.length) {
          const parsed = parseJson(buf);
          if (!parsed.ok) return badJson(res);
          const errors: FieldError[] = [];
          const b = objectOf(parsed.value, ['champs'], 'Un objet JSON est attendu.', errors);
          if (b && b.champs !== undefined) {
            if (!Array.isArray(b.champs) || !b.champs.length || b.champs.some((c) => !CHAMPS.includes(c as Champ))) errors.push({ champ: 'champs', message: `Une liste non vide parmi ${CHAMPS.join(', ')}.` });
            else champs = [...new Set(b.champs as Champ[])];
          }
          if (errors.length) return invalid(res, errors);
        }
        await decide(res, ctx, async (id) => {
          const r = await acceptSuggestion(ctx.db, { id, moderator: s, champs, allowed: moderates(s), externalSources: rt.cfg.externalSources, now: new Date(now()) });
          ctx.log.info('suggestion_decided', { statut: 'acceptee', changes: r.applied.length });
          await notifyAuthor(rt, ctx, r.contact, r.service.service.nom, true, null);
          const contribution = await getContribution(ctx.db, id, rt.cfg.externalSources);
          sendJson(res, 200, { contribution, service: { service: r.service.service, structure: r.service.structure } }, { 'cache-control': 'no-store' });
        });
      },
    },
    {
      method: 'POST',
      path: '/contributions/:id/refus',
      async handle(req, res, ctx) {
        const m = await moderation(req, res, ctx);
        if (!m) return;
        const { s, rt, buf } = m;
        const parsed = parseJson(buf);
        if (!parsed.ok) return badJson(res);
        const errors: FieldError[] = [];
        let motif: string | null = null;
        const b = objectOf(parsed.value, ['motif'], 'Un objet JSON { motif } est attendu.', errors);
        if (b && b.motif === undefined) errors.push({ champ: 'motif', message: 'Le motif du refus est obligatoire.' });
        else if (b) {
          motif = text(b.motif, 'motif', 500, errors);
          if (motif === '') errors.push({ champ: 'motif', message: 'Le motif du refus est obligatoire.' });
        }
        if (errors.length || !motif) return invalid(res, errors, 'Indiquez le motif du refus (500 caractères au plus).');
        const reason = motif;
        await decide(res, ctx, async (id) => {
          const r = await rejectSuggestion(ctx.db, { id, moderator: s, motif: reason, allowed: moderates(s), now: new Date(now()) });
          ctx.log.info('suggestion_decided', { statut: 'refusee' });
          const contribution = await getContribution(ctx.db, id, rt.cfg.externalSources);
          await notifyAuthor(rt, ctx, r.contact, contribution?.service_nom ?? '', false, reason);
          sendJson(res, 200, { contribution }, { 'cache-control': 'no-store' });
        });
      },
    },
    {
      method: 'GET',
      path: '/services/:id/historique',
      async handle(req, res, ctx) {
        const s = await moderator(req, res, ctx, false);
        if (!s) return;
        const d = await serviceDepartement(ctx.db, ctx.params.id!);
        if (!d) return sendProblem(res, 404, 'Service introuvable', 'Ce service n’existe pas.');
        if (!d.departement || !s.territoires.includes(d.departement)) return sendProblem(res, 403, 'Territoire non autorisé', 'Ce service est hors de vos territoires.');
        sendJson(res, 200, { items: await serviceHistory(ctx.db, ctx.params.id!) }, { 'cache-control': 'no-store' });
      },
    },
    {
      method: 'GET',
      path: '/fraicheur',
      async handle(req, res, ctx) {
        const deps = await territories(req, res, ctx);
        if (!deps) return;
        const p = paging(res, ctx, { name: 'mois', def: 12, min: 1, max: 120 });
        if (!p) return;
        sendJson(res, 200, await staleServices(ctx.db, { departements: deps, mois: p.extra, page: p.page, taille: p.taille, externalSources: runtime(ctx).cfg.externalSources }), { 'cache-control': 'no-store' });
      },
    },
    {
      method: 'POST',
      path: '/services/:id/demande-confirmation',
      async handle(req, res, ctx) {
        const s = await moderator(req, res, ctx, true);
        if (!s) return;
        req.resume();
        const rt = runtime(ctx);
        const record = await readService(ctx.db, ctx.params.id!, rt.cfg.externalSources);
        if (!record || record.closed) return sendProblem(res, 404, 'Service introuvable', 'Ce service n’existe pas ou plus.');
        if (!record.departement || !s.territoires.includes(record.departement)) return sendProblem(res, 403, 'Territoire non autorisé', 'Ce service est hors de vos territoires.');
        if (!record.own) return sendProblem(res, 409, 'Fiche d’une autre source', `Cette fiche est tenue par « ${record.service.source} » : c’est à son producteur de la confirmer.`);
        const to = currentValue(record, 'courriel');
        if (!to || !EMAIL.test(to)) return sendProblem(res, 409, 'Aucune adresse électronique', 'Ni la fiche ni sa structure n’ont d’adresse électronique : contactez la structure autrement.');
        if (!rt.mailer || !rt.cfg.publicUrl) return sendProblem(res, 503, 'Courriel non configuré', 'L’envoi de courriels n’est pas configuré sur ce serveur (RELAIS_SMTP_URL, RELAIS_SMTP_FROM, RELAIS_PUBLIC_URL).');
        const token = newToken();
        const hash = sha256(token);
        const expireLe = await saveConfirmationToken(ctx.db, { tokenSha256: hash, serviceId: record.service.id, moderatorSub: s.sub, days: rt.cfg.confirmationDays, now: new Date(now()) });
        try {
          await rt.mailer.send(confirmationMail({ to, serviceNom: record.service.nom, structureNom: record.structure?.nom ?? '', lien: `${rt.cfg.publicUrl}/confirmation/${token}`, expireLe }));
        } catch (e) {
          await ctx.db.query('delete from contrib_confirmation_tokens where token_sha256 = $1', [hash]);
          ctx.log.warn('confirmation_mail_failed', { error: (e as Error)?.name ?? 'Error', code: (e as { code?: string })?.code ?? null });
          return sendProblem(res, 502, 'Courriel non envoyé', 'Le serveur de courrier n’a pas accepté le message : réessayez plus tard.');
        }
        ctx.log.info('confirmation_requested', {});
        sendJson(res, 202, { envoyee_a: maskEmail(to), expire_le: expireLe }, { 'cache-control': 'no-store' });
      },
    },
    {
      method: 'GET',
      path: '/confirmation/:jeton',
      async handle(_req, res, ctx) {
        const rt = runtime(ctx);
        const jeton = ctx.params.jeton!;
        const t = jeton.length <= 200 ? await liveToken(ctx.db, sha256(jeton)) : null;
        const record = t ? await readService(ctx.db, t.serviceId, rt.cfg.externalSources) : null;
        if (!record || record.closed) return sendPage(res, 410, GONE_PAGE.title, GONE_PAGE.body);
        const page = confirmationPage(record);
        sendPage(res, 200, page.title, page.body);
      },
    },
    {
      method: 'POST',
      path: '/confirmation/:jeton',
      async handle(req, res, ctx) {
        const rt = runtime(ctx);
        const type = mediaType(req);
        const form = type === 'application/x-www-form-urlencoded';
        if (!form && type !== 'application/json') {
          req.resume();
          return sendProblem(res, 415, 'Type de contenu non pris en charge', 'Le corps doit être du JSON ou un formulaire.');
        }
        const buf = await readBody(req, MAX_SUGGESTION_BYTES);
        if (!buf) return tooLarge(res, MAX_SUGGESTION_BYTES);
        const jeton = ctx.params.jeton!;
        const hash = sha256(jeton);
        const errors: FieldError[] = [];
        let action: 'confirmer' | 'corriger' | null = null;
        let changements: Array<{ champ: Champ; valeur: string }> = [];
        let commentaire: string | null = null;
        let record: { service: Service; structure: Structure | null } | null = null;
        if (form) {
          const t = jeton.length <= 200 ? await liveToken(ctx.db, hash) : null;
          record = t ? await readService(ctx.db, t.serviceId, rt.cfg.externalSources) : null;
          if (!record) return sendPage(res, 410, GONE_PAGE.title, GONE_PAGE.body);
          const f = new URLSearchParams(buf.toString('utf8'));
          const a = f.get('action');
          action = a === 'confirmer' || a === 'corriger' ? a : null;
          if (!action) errors.push({ champ: 'action', message: 'Action inconnue.' });
          if (action === 'corriger') {
            const proposed: Array<{ champ: Champ; valeur: string }> = [];
            for (const field of PAGE_FIELDS) {
              const v = f.get(field.champ);
              if (v === null) continue;
              const value = v.trim();
              if (value && value !== (currentValue(record, field.champ) ?? '')) proposed.push({ champ: field.champ, valeur: value });
            }
            if (f.get('ferme') === '1') proposed.push({ champ: 'ferme', valeur: '' });
            if (!proposed.length) errors.push({ champ: 'changements', message: 'Aucune modification : changez au moins un champ, ou confirmez la fiche telle quelle.' });
            else changements = readChanges(proposed, errors);
            const c = f.get('commentaire');
            commentaire = c ? text(c, 'commentaire', 2000, errors) || null : null;
          }
        } else {
          const parsed = parseJson(buf);
          if (!parsed.ok) return badJson(res);
          const b = objectOf(parsed.value, ['action', 'changements', 'commentaire'], 'Un objet JSON { action } est attendu.', errors);
          if (b) {
            action = b.action === 'confirmer' || b.action === 'corriger' ? b.action : null;
            if (!action) errors.push({ champ: 'action', message: 'confirmer ou corriger.' });
            if (action === 'corriger' || b.changements !== undefined) changements = readChanges(b.changements, errors);
            if (b.commentaire !== undefined) commentaire = text(b.commentaire, 'commentaire', 2000, errors) || null;
          }
        }
        if (errors.length || !action) {
          if (form && record) {
            const page = confirmationPage(record, errors.map((e) => e.message).join(' '));
            return sendPage(res, 422, page.title, page.body);
          }
          return invalid(res, errors, 'La correction est invalide : corrigez les champs indiqués.');
        }
        try {
          const statut = await useConfirmationToken(ctx.db, { tokenSha256: hash, action, changements: action === 'corriger' ? changements : [], commentaire, externalSources: rt.cfg.externalSources, now: new Date(now()) });
          ctx.log.info('confirmation_used', { statut });
          if (form) {
            const page = donePage(statut);
            return sendPage(res, 200, page.title, page.body);
          }
          sendJson(res, 200, { statut }, { 'cache-control': 'no-store' });
        } catch (e) {
          if (!(e instanceof GoneError)) throw e;
          if (form) return sendPage(res, 410, GONE_PAGE.title, GONE_PAGE.body);
          sendProblem(res, 410, 'Lien déjà utilisé ou expiré', 'Ce lien de confirmation a déjà servi ou n’est plus valable.');
        }
      },
    },
    {
      method: 'GET',
      path: '/statistiques/contributions',
      async handle(req, res, ctx) {
        const deps = await territories(req, res, ctx);
        if (!deps) return;
        sendJson(res, 200, await contributionStats(ctx.db, deps), { 'cache-control': 'no-store' });
      },
    },
  ];
}

/** The contributions' routes, settings read from the server's environment. */
export const contributionRoutes: Route[] = createContributionRoutes();
