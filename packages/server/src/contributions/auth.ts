/**
 * Moderators' sign-in with OpenID Connect (openid-client v6): authorization code with PKCE (S256, when the provider
 * announces it), `state` and `nonce` (43 characters each, ProConnect asks for 32 at least), the ID token checked
 * (issuer, audience, nonce, signature against the provider's keys), the userinfo read (a signed JWT when
 * `RELAIS_OIDC_USERINFO_ALG` is set, as ProConnect answers). Compatible with ProConnect (scopes `openid email
 * given_name usual_name`, `client_secret_post`, `acr_values`) and with any standard provider.
 *
 * Roles come from `contrib_moderators` (an OpenID `sub` or an e-mail address → départements), read at each request.
 * The session is a random token in an HttpOnly cookie; the database keeps only its SHA-256 and expiry.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as client from 'openid-client';
import type { Queryable } from '../db/types.js';
import { isLoopback, type ContributionsConfig, type OidcSettings } from './config.js';

export const SESSION_COOKIE = 'relais_session';
export const LOGIN_COOKIE = 'relais_connexion';
const LOGIN_MINUTES = 10;

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Reads one cookie of the request. */
export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || null;
  }
  return null;
}

/** A `Set-Cookie` value: HttpOnly, SameSite Lax (None with Secure for a back office on another site), Secure except on http://localhost. */
export function cookie(cfg: ContributionsConfig, name: string, value: string, maxAgeS: number, sameSiteLax = false): string {
  const base = cfg.publicUrl ? new URL(cfg.publicUrl) : null;
  const path = base ? base.pathname.replace(/\/$/, '') || '/' : '/';
  const secure = !(base && isLoopback(base.href));
  const sameSite = cfg.crossSite && !sameSiteLax ? 'None' : 'Lax';
  return `${name}=${value}; Path=${path}; Max-Age=${maxAgeS}; HttpOnly; SameSite=${sameSite}${secure || sameSite === 'None' ? '; Secure' : ''}`;
}

/** The signed-in moderator. */
export interface Session {
  sub: string;
  nom: string;
  courriel: string | null;
  /** Départements moderated, from contrib_moderators now. */
  territoires: string[];
}

/** The départements of an identity (by `sub`, or by e-mail address), sorted. */
export async function territoriesOf(db: Queryable, sub: string, courriel: string | null): Promise<string[]> {
  const rows = await db.query<{ departements: string[] }>(
    `select departements from contrib_moderators where (kind = 'sub' and identifiant = $1) or (kind = 'courriel' and identifiant = lower($2))`,
    [sub, courriel ?? ''],
  );
  return [...new Set(rows.flatMap((r) => r.departements))].sort();
}

/** The session of the request, or null (no cookie, unknown or expired). */
export async function readSession(db: Queryable, req: IncomingMessage): Promise<Session | null> {
  const token = readCookie(req, SESSION_COOKIE);
  if (!token || token.length > 100) return null;
  const [s] = await db.query<{ sub: string; nom: string; courriel: string | null }>('select sub, nom, courriel from contrib_sessions where token_sha256 = $1 and expires_at > now()', [sha256(token)]);
  if (!s) return null;
  return { ...s, territoires: await territoriesOf(db, s.sub, s.courriel) };
}

/** Opens a session; returns the cookie's token. */
export async function openSession(db: Queryable, who: { sub: string; nom: string; courriel: string | null }, hours: number): Promise<string> {
  const token = newToken();
  await db.query('delete from contrib_sessions where expires_at < now()');
  await db.query(`insert into contrib_sessions (token_sha256, sub, nom, courriel, expires_at) values ($1, $2, $3, $4, now() + make_interval(hours => $5::int))`, [
    sha256(token),
    who.sub,
    who.nom,
    who.courriel,
    hours,
  ]);
  return token;
}

/** Closes the session of the request (if any). */
export async function closeSession(db: Queryable, req: IncomingMessage): Promise<void> {
  const token = readCookie(req, SESSION_COOKIE);
  if (token) await db.query('delete from contrib_sessions where token_sha256 = $1', [sha256(token)]);
}

/** A failure of the sign-in, with a French message (the provider's own text is never shown nor logged). */
export class SignInError extends Error {
  override name = 'SignInError';
  constructor(
    readonly status: 400 | 403 | 503,
    readonly title: string,
    detail: string,
    readonly code: string = 'sign_in',
  ) {
    super(detail);
  }
}

/** The OpenID Connect client of one configuration: discovery done once (retried after a failure). */
export class OidcClient {
  private config: Promise<client.Configuration> | null = null;

  constructor(
    private readonly s: OidcSettings,
    private readonly redirectUri: string,
  ) {}

  private configuration(): Promise<client.Configuration> {
    if (!this.config) {
      const auth = this.s.tokenAuth === 'client_secret_basic' ? client.ClientSecretBasic(this.s.clientSecret) : client.ClientSecretPost(this.s.clientSecret);
      const metadata: Partial<client.ClientMetadata> = { client_secret: this.s.clientSecret, id_token_signed_response_alg: this.s.idTokenAlg };
      if (this.s.userinfoAlg) metadata.userinfo_signed_response_alg = this.s.userinfoAlg;
      const execute = isLoopback(this.s.issuer) ? [client.allowInsecureRequests] : [];
      this.config = client.discovery(new URL(this.s.issuer), this.s.clientId, metadata, auth, { execute }).then((c) => {
        // signatures of the ID token and of a signed userinfo checked against the provider's keys (asymmetric algorithms)
        if (!/^HS/.test(this.s.idTokenAlg)) client.enableNonRepudiationChecks(c);
        return c;
      });
      this.config.catch(() => (this.config = null));
    }
    return this.config;
  }

  /** Starts a sign-in: the provider's authorization URL and what the callback must check. */
  async start(): Promise<{ url: string; state: string; nonce: string; codeVerifier: string | null }> {
    const c = await this.configuration();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const params: Record<string, string> = { redirect_uri: this.redirectUri, scope: this.s.scopes, state, nonce, response_type: 'code' };
    let codeVerifier: string | null = null;
    const s256 = c.serverMetadata().code_challenge_methods_supported?.includes('S256') ?? false;
    if (this.s.pkce === 'oui' || (this.s.pkce === 'auto' && s256)) {
      codeVerifier = client.randomPKCECodeVerifier();
      params.code_challenge = await client.calculatePKCECodeChallenge(codeVerifier);
      params.code_challenge_method = 'S256';
    }
    if (this.s.acrValues) params.acr_values = this.s.acrValues;
    return { url: client.buildAuthorizationUrl(c, params).href, state, nonce, codeVerifier };
  }

  /** Completes a sign-in from the callback's URL: the identity (`sub`, name, e-mail). */
  async finish(callbackUrl: URL, expected: { state: string; nonce: string; codeVerifier: string | null }): Promise<{ sub: string; nom: string; courriel: string | null }> {
    const c = await this.configuration();
    const tokens = await client.authorizationCodeGrant(c, callbackUrl, {
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
      ...(expected.codeVerifier ? { pkceCodeVerifier: expected.codeVerifier } : {}),
    });
    const claims = tokens.claims();
    if (!claims) throw new SignInError(400, 'Connexion impossible', 'Le fournisseur d’identité n’a pas renvoyé de jeton d’identité.', 'no_id_token');
    const info = await client.fetchUserInfo(c, tokens.access_token, claims.sub);
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : null);
    const given = str(info.given_name) ?? str(claims.given_name);
    const family = str(info.usual_name) ?? str(info.family_name) ?? str(claims.usual_name) ?? str(claims.family_name);
    const courriel = str(info.email) ?? str(claims.email);
    const nom = [given, family].filter(Boolean).join(' ') || str(info.name) || courriel || claims.sub;
    return { sub: claims.sub, nom, courriel: courriel ? courriel.toLowerCase() : null };
  }
}

/** Keeps a sign-in in progress; returns the id for its cookie. */
export async function saveLogin(db: Queryable, l: { state: string; nonce: string; codeVerifier: string | null; retour: string }): Promise<string> {
  const id = newToken();
  await db.query('delete from contrib_logins where expires_at < now()');
  await db.query(
    `insert into contrib_logins (id_sha256, state, nonce, code_verifier, retour, expires_at) values ($1, $2, $3, $4, $5, now() + make_interval(mins => ${LOGIN_MINUTES}))`,
    [sha256(id), l.state, l.nonce, l.codeVerifier, l.retour],
  );
  return id;
}

/** Takes (once) the sign-in in progress of the request's cookie; null when missing or expired. */
export async function takeLogin(db: Queryable, req: IncomingMessage): Promise<{ state: string; nonce: string; codeVerifier: string | null; retour: string } | null> {
  const id = readCookie(req, LOGIN_COOKIE);
  if (!id || id.length > 100) return null;
  const [r] = await db.query<{ state: string; nonce: string; code_verifier: string | null; retour: string; live: boolean }>(
    'delete from contrib_logins where id_sha256 = $1 returning state, nonce, code_verifier, retour, expires_at > now() as live',
    [sha256(id)],
  );
  return r && r.live ? { state: r.state, nonce: r.nonce, codeVerifier: r.code_verifier, retour: r.retour } : null;
}

export const LOGIN_COOKIE_MAX_AGE = LOGIN_MINUTES * 60;

/** Redirects (302) with cookies. */
export function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.writeHead(302, { location, 'cache-control': 'no-store', ...(cookies.length ? { 'set-cookie': cookies } : {}) });
  res.end();
}

// ——— administration (CLI) ———

const DEP = /^(\d{2}|2A|2B|97\d)$/;

/** Adds (or replaces) a moderator: an e-mail address or an OpenID `sub`, and the départements. */
export async function addModerator(db: Queryable, identifiant: string, departements: readonly string[]): Promise<{ identifiant: string; kind: 'sub' | 'courriel'; departements: string[] }> {
  const id = identifiant.trim();
  if (!id || id.length > 200) throw new Error('Indiquez une adresse électronique ou un identifiant OpenID (sub) de 200 caractères au plus.');
  const deps = [...new Set(departements.map((d) => d.trim().toUpperCase()).filter(Boolean))];
  if (!deps.length || deps.some((d) => !DEP.test(d))) throw new Error('--departements : des codes de département séparés par des virgules (58,89 ; 2A ; 971).');
  const kind = id.includes('@') ? 'courriel' : 'sub';
  const key = kind === 'courriel' ? id.toLowerCase() : id;
  await db.query(
    `insert into contrib_moderators (identifiant, kind, departements) values ($1, $2, $3) on conflict (identifiant) do update set kind = excluded.kind, departements = excluded.departements`,
    [key, kind, deps],
  );
  return { identifiant: key, kind, departements: deps };
}

/** Removes a moderator; their open sessions end with it (territories read at each request). */
export async function removeModerator(db: Queryable, identifiant: string): Promise<boolean> {
  const id = identifiant.trim();
  const rows = await db.query('delete from contrib_moderators where identifiant = $1 or identifiant = lower($1) returning identifiant', [id]);
  return rows.length > 0;
}

/** The moderators. */
export async function listModerators(db: Queryable): Promise<Array<{ identifiant: string; kind: string; departements: string[] }>> {
  return db.query<{ identifiant: string; kind: string; departements: string[] }>('select identifiant, kind, departements from contrib_moderators order by identifiant');
}

/** `relais-server moderateurs ajouter|lister|retirer …`: lines to print. */
export async function moderatorsCommand(db: Queryable, args: readonly string[]): Promise<string[]> {
  const [sub, ...rest] = args;
  if (sub === 'ajouter') {
    const id = rest.find((a) => !a.startsWith('--'));
    const at = rest.indexOf('--departements');
    const inline = rest.find((a) => a.startsWith('--departements='));
    const deps = inline ? inline.slice('--departements='.length) : at >= 0 ? rest[at + 1] : undefined;
    if (!id || !deps) throw new Error('Usage : relais-server moderateurs ajouter <courriel|sub> --departements 58,89');
    const m = await addModerator(db, id, deps.split(','));
    return [`Modérateur ${m.identifiant} (${m.kind === 'courriel' ? 'adresse électronique' : 'identifiant OpenID'}) : départements ${m.departements.join(', ')}.`];
  }
  if (sub === 'lister') {
    const all = await listModerators(db);
    return all.length ? all.map((m) => `${m.identifiant}\t${m.kind}\t${m.departements.join(',')}`) : ['Aucun modérateur.'];
  }
  if (sub === 'retirer') {
    const id = rest[0];
    if (!id) throw new Error('Usage : relais-server moderateurs retirer <courriel|sub>');
    return [(await removeModerator(db, id)) ? `Modérateur ${id} retiré.` : `Aucun modérateur ${id}.`];
  }
  throw new Error('Usage : relais-server moderateurs ajouter <courriel|sub> --departements 58,89 | lister | retirer <courriel|sub>');
}
