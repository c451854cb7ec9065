/**
 * The one URL sanitizer of the SDK. Only http, https, mailto and tel links are ever rendered;
 * anything else (javascript:, data:, vbscript:, file:, relative tricks) gives null.
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
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return null;
  return url.href;
}

/** A `tel:` link for a French phone number as written in directories ("03 86 00 00 00"), or null. */
export function telHref(phone: unknown): string | null {
  if (typeof phone !== 'string') return null;
  const digits = phone.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d{3,15}$/.test(digits)) return null;
  return sanitizeUrl(`tel:${digits}`);
}

/** A `mailto:` link for an e-mail address, or null. */
export function mailtoHref(email: unknown): string | null {
  if (typeof email !== 'string') return null;
  const e = email.trim();
  if (!/^[^\s@<>"'`]+@[^\s@<>"'`]+\.[^\s@<>"'`]+$/.test(e)) return null;
  return sanitizeUrl(`mailto:${e}`);
}
