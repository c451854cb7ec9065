/**
 * Settings of the contributions (suggestions, moderation, confirmation links), from environment variables documented
 * in the package README. Bad values throw a French message naming the variable.
 */

type Env = Readonly<Record<string, string | undefined>>;

/** The OpenID Connect client of the moderators' sign-in (ProConnect or the département's provider). */
export interface OidcSettings {
  /** `RELAIS_OIDC_ISSUER`: the provider's issuer (discovery at `{issuer}/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `RELAIS_OIDC_SCOPES` (default `openid email given_name usual_name`, ProConnect's). */
  scopes: string;
  /** `RELAIS_OIDC_ACR_VALUES`: sent as `acr_values` when set (ProConnect: `eidas1`…). */
  acrValues: string | null;
  /** `RELAIS_OIDC_TOKEN_AUTH`: `client_secret_post` (default, ProConnect) or `client_secret_basic`. */
  tokenAuth: 'client_secret_post' | 'client_secret_basic';
  /** `RELAIS_OIDC_ID_TOKEN_ALG` (default RS256). */
  idTokenAlg: string;
  /** `RELAIS_OIDC_USERINFO_ALG`: the signed userinfo JWT's algorithm (ProConnect: the one registered, e.g. RS256); unset: JSON or JWT as the provider answers. */
  userinfoAlg: string | null;
  /** `RELAIS_OIDC_PKCE`: `auto` (default: when the provider announces S256), `oui`, `non`. */
  pkce: 'auto' | 'oui' | 'non';
}

/** SMTP for the confirmation requests and the moderation notices. */
export interface MailSettings {
  /** `RELAIS_SMTP_URL`: `smtp://user:password@host:587` (STARTTLS), `smtps://…:465`; nodemailer options as query. */
  url: string;
  /** `RELAIS_SMTP_FROM`: `Annuaire du département <annuaire@departement.fr>`. */
  from: string;
}

export interface ContributionsConfig {
  /**
   * `RELAIS_PUBLIC_URL`: the server's public address, base path included (`https://annuaire.departement.fr/api`): the
   * OpenID Connect redirect (`/auth/callback`) and the confirmation links (`/confirmation/{jeton}`) are built on it.
   */
  publicUrl: string | null;
  /** `RELAIS_MODERATION_ORIGINS`: sites of the back office (comma-separated origins): CORS with credentials, POST origin check, `retour`. */
  moderationOrigins: string[];
  /** `RELAIS_SESSION_CROSS_SITE=1`: the back office is on another site: cookie `SameSite=None; Secure`. */
  crossSite: boolean;
  /** `RELAIS_SESSION_HOURS` (default 8). */
  sessionHours: number;
  /** `RELAIS_SUGGESTIONS_PER_HOUR`: suggestions per hour and per IP address, per instance (default 10; 0: no limit). */
  suggestionsPerHour: number;
  /** `RELAIS_CONFIRMATION_DAYS`: life of a confirmation link (default 30). */
  confirmationDays: number;
  /** `RELAIS_EXTERNAL_SOURCES`: sources never modified here (records kept by their producer), besides the data·inclusion sync's. */
  externalSources: string[];
  oidc: OidcSettings | null;
  mail: MailSettings | null;
}

const int = (env: Env, name: string, def: number, min: number, max: number): number => {
  const raw = env[name]?.trim();
  if (!raw) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} : un entier de ${min} à ${max} est attendu (reçu « ${raw.slice(0, 20)} »).`);
  return n;
};

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function origin(name: string, value: string): string {
  let u: URL | null = null;
  try {
    u = new URL(value);
  } catch {
    u = null;
  }
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin !== value.replace(/\/$/, '')) throw new Error(`${name} : « ${value.slice(0, 80)} » n’est pas une origine (https://site.fr, sans chemin).`);
  return u.origin;
}

/** True for http://localhost and the loopback addresses (cookies without `Secure`, provider over plain HTTP). */
export function isLoopback(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]');
  } catch {
    return false;
  }
}

/** Reads the settings of the contributions. */
export function readContributionsConfig(env: Env): ContributionsConfig {
  let publicUrl: string | null = env.RELAIS_PUBLIC_URL?.trim() || null;
  if (publicUrl) {
    let u: URL | null = null;
    try {
      u = new URL(publicUrl);
    } catch {
      u = null;
    }
    if (!u || (u.protocol !== 'https:' && !isLoopback(publicUrl))) throw new Error('RELAIS_PUBLIC_URL : adresse https://… attendue (http:// seulement pour localhost).');
    publicUrl = `${u.origin}${u.pathname.replace(/\/$/, '')}`;
  }
  let oidc: OidcSettings | null = null;
  if (env.RELAIS_OIDC_ISSUER?.trim()) {
    const issuer = env.RELAIS_OIDC_ISSUER.trim();
    if (!/^https:\/\//.test(issuer) && !isLoopback(issuer)) throw new Error('RELAIS_OIDC_ISSUER : adresse https://… attendue.');
    const clientId = env.RELAIS_OIDC_CLIENT_ID?.trim();
    const clientSecret = env.RELAIS_OIDC_CLIENT_SECRET?.trim();
    if (!clientId || !clientSecret) throw new Error('RELAIS_OIDC_CLIENT_ID et RELAIS_OIDC_CLIENT_SECRET sont nécessaires avec RELAIS_OIDC_ISSUER.');
    const tokenAuth = env.RELAIS_OIDC_TOKEN_AUTH?.trim() || 'client_secret_post';
    if (tokenAuth !== 'client_secret_post' && tokenAuth !== 'client_secret_basic') throw new Error('RELAIS_OIDC_TOKEN_AUTH : client_secret_post ou client_secret_basic.');
    const pkce = env.RELAIS_OIDC_PKCE?.trim() || 'auto';
    if (pkce !== 'auto' && pkce !== 'oui' && pkce !== 'non') throw new Error('RELAIS_OIDC_PKCE : auto, oui ou non.');
    const scopes = env.RELAIS_OIDC_SCOPES?.trim() || 'openid email given_name usual_name';
    if (!scopes.split(/\s+/).includes('openid')) throw new Error('RELAIS_OIDC_SCOPES : la liste doit contenir openid.');
    oidc = {
      issuer,
      clientId,
      clientSecret,
      scopes,
      acrValues: env.RELAIS_OIDC_ACR_VALUES?.trim() || null,
      tokenAuth,
      idTokenAlg: env.RELAIS_OIDC_ID_TOKEN_ALG?.trim() || 'RS256',
      userinfoAlg: env.RELAIS_OIDC_USERINFO_ALG?.trim() || null,
      pkce,
    };
  }
  let mail: MailSettings | null = null;
  if (env.RELAIS_SMTP_URL?.trim()) {
    const url = env.RELAIS_SMTP_URL.trim();
    if (!/^smtps?:\/\//.test(url)) throw new Error('RELAIS_SMTP_URL : adresse smtp://… ou smtps://… attendue.');
    const from = env.RELAIS_SMTP_FROM?.trim();
    if (!from) throw new Error('RELAIS_SMTP_FROM : l’expéditeur des courriels est nécessaire avec RELAIS_SMTP_URL.');
    mail = { url, from };
  }
  return {
    publicUrl,
    moderationOrigins: list(env.RELAIS_MODERATION_ORIGINS).map((o) => origin('RELAIS_MODERATION_ORIGINS', o)),
    crossSite: env.RELAIS_SESSION_CROSS_SITE === '1',
    sessionHours: int(env, 'RELAIS_SESSION_HOURS', 8, 1, 24 * 30),
    suggestionsPerHour: int(env, 'RELAIS_SUGGESTIONS_PER_HOUR', 10, 0, 1_000_000),
    confirmationDays: int(env, 'RELAIS_CONFIRMATION_DAYS', 30, 1, 365),
    externalSources: list(env.RELAIS_EXTERNAL_SOURCES),
    oidc,
    mail,
  };
}
