/**
 * The one URL sanitizer of the SDK. Only http, https, mailto and tel links are ever rendered;
 * anything else (javascript:, data:, vbscript:, file:, relative tricks) gives null. A web address with
 * a user-info part (`https://www.caf.fr@evil.example/`) is refused: its visible start lies about where
 * it leads.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'tel:']);
// C0 controls, DEL and invisible formatting characters that browsers strip or that disguise a scheme.
const INVISIBLE = /[\u0000-\u001f\u007f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** Returns a safe absolute URL string, or null when the value must not become a link. */
export function sanitizeUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const raw = value.replace(INVISIBLE, '').trim();
  if (!raw || raw.length > 2083) return null;
  let url: URL;
  try {
    // Bare domains ("www.ccas-exemple.fr") are common in directories: read them as https.
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : /^www\./i.test(raw) ? `https://${raw}` : raw);
  } catch {
    return null;
  }
  if (!ALLOWED.has(url.protocol)) return null;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (!url.hostname) return null;
    // « https://www.caf.fr@evil.example/ » goes to evil.example: never a link
    if (url.username || url.password || /^[a-z]+:\/*[^/?#]*@/i.test(raw)) return null;
  }
  return url.href;
}

/** A `tel:` link for a French phone number as written in directories ("03 86 00 00 00"), or null. */
export function telHref(phone: unknown): string | null {
  if (typeof phone !== 'string') return null;
  const digits = phone.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d{3,15}$/.test(digits)) return null;
  return sanitizeUrl(`tel:${digits}`);
}

// One plain address: no second recipient (`,` `;`), no header (`?cc=`, `&bcc=`, `body=`), no escape (`%`), no display name,
// no `#` (in a mailto: link it starts a fragment: `mailto:a#b@x.fr` writes to « a »).
const EMAIL = /^[A-Za-z0-9!$'*+=^_`{|}~-]+(?:\.[A-Za-z0-9!$'*+=^_`{|}~-]+)*@(?:[\p{L}\p{N}][\p{L}\p{N}-]{0,62}\.)+\p{L}[\p{L}\p{N}-]*$/u;

/**
 * A `mailto:` link for ONE plain e-mail address, or null. Anything that would add a recipient, a subject,
 * a body or a hidden copy (`accueil@ccas.fr?bcc=…&body=…`, `a@x.fr,b@y.fr`) is refused.
 */
export function mailtoHref(email: unknown): string | null {
  if (typeof email !== 'string') return null;
  const e = email.replace(INVISIBLE, '').trim();
  if (e.length > 254 || !EMAIL.test(e)) return null;
  return sanitizeUrl(`mailto:${e}`);
}

/**
 * Whether an id read from outside (a URL parameter, a message) may be put in a request path: never empty,
 * never `.` or `..` (which would walk up to the API's base, with its token), never a `/` or `\`, no control
 * character, at most 300 characters.
 */
export function isSafeId(id: unknown): id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 300) return false;
  if (id === '.' || id === '..' || /[/\\]/.test(id) || /[\u0000-\u001f\u007f]/.test(id)) return false;
  // encoded forms a server could decode back into a walk up (`%2e%2e`, `%2f`)
  if (/^(%2e|\.){1,2}$/i.test(id) || /%2f|%5c/i.test(id)) return false;
  return true;
}

/**
 * An API's base URL (an element's `endpoint`, `contributions-url`…) resolved against the page, http or https only,
 * without a trailing slash; null when none is given or it is no such address.
 */
export function apiBase(url: string | undefined | null): string | null {
  if (!url) return null;
  let abs: string;
  try {
    abs = new URL(url, typeof location === 'undefined' ? undefined : location.href).href;
  } catch {
    return null;
  }
  const safe = sanitizeUrl(abs);
  return safe && /^https?:/.test(safe) ? safe.replace(/\/+$/, '') : null;
}
