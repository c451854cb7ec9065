// Reference receiver of liaison sheets, one a département could deploy (HTTP contract:
// packages/core/liaison-openapi.json; threat model: packages/liaison/SECURITY.md).
// - each partner (a CCAS, a France Services, the département's own site) calls with its own bearer token;
//   only the SHA-256 of each token is configured (`hashToken`), never the token itself;
// - a rate limit (requests per minute) and a quota (sheets stored per day) per partner: 429 beyond;
// - validates with the same templates and rules as the browser (@relais/liaison/headless) and stores only the
//   template's fields and the consent's known fields: anything else sent is dropped;
// - refuses a consent without its record (regime, answer, method, author: checkConsentRecord), and any value of a field
//   the consent does not cover (a section it does not name, a field the recipient's audience does not see, the door
//   code), and a sheet whose values block the sending (the person does not know she is referred);
// - Idempotency-Key (a UUID, any case: normalised to lower case) + SHA-256 of the body: a replay of the same
//   sheet gets 409 with the original receipt; the same key with another body gets 409 with a French problem;
//   a key used by another partner is never answered with that partner's receipt;
// - each sheet is encrypted at rest (AES-256-GCM, the key given by the host: `encryptionKey`), with its
//   receipt, partner and body hash as associated data; written to a temporary file, fsync'd, renamed, and
//   the folder fsync'd;
// - 201 with a receipt; 401 without a valid token; 422 problem+json with the faulty fields; 413 when the body
//   is too large; 400 for malformed JSON or a missing key; 415 when the body is not JSON.
// Limits and counters live in this process: several instances need a shared store (Redis…) for them.
// Health data must be hosted by an HDS-certified host, with a retention period: see packages/liaison/README.md.
import { open, rename, mkdir, readFile } from 'node:fs/promises';
import { createHash, createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { checkReceivedSheet, keepReceivedSheet } from '../../packages/liaison/dist/headless.js';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** SHA-256 (hex) of a partner token: what the receiver's configuration holds. */
export function hashToken(token) {
  return createHash('sha256').update(String(token), 'utf8').digest('hex');
}

/** JSON with object keys sorted at every level (the same sheet always gives the same hash). */
export function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  return JSON.stringify(value ?? null);
}

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

function problem(res, status, title, detail, extra = {}, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }));
  return true;
}

async function writeDurably(dir, name, text) {
  const tmp = join(dir, `.${name}.${process.pid}.${Date.now()}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, name));
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

function readKey(k) {
  const key = Buffer.isBuffer(k) ? k : typeof k === 'string' ? Buffer.from(k, 'base64') : null;
  if (!key || key.length !== 32) throw new Error('encryptionKey : 32 octets (Buffer ou base64) sont nécessaires pour chiffrer les fiches.');
  return key;
}

const adOf = (meta) => Buffer.from(JSON.stringify(['relais-liaison-receiver/1', meta.receipt.id, meta.partner, meta.bodySha256]), 'utf8');

/** Decrypts a stored sheet file (for the département's own processing, and the tests). */
export function openStoredSheet(text, encryptionKey) {
  const file = JSON.parse(text);
  const d = createDecipheriv('aes-256-gcm', readKey(encryptionKey), Buffer.from(file.sheet.iv, 'base64'));
  d.setAAD(adOf(file));
  d.setAuthTag(Buffer.from(file.sheet.tag, 'base64'));
  return JSON.parse(Buffer.concat([d.update(Buffer.from(file.sheet.data, 'base64')), d.final()]).toString('utf8'));
}

/**
 * @param {{
 *   dir: string, maxBytes?: number, path?: string,
 *   partners?: Array<{ id: string, tokenSha256: string, ratePerMinute?: number, quotaPerDay?: number }>,
 *   anonymous?: boolean | { ratePerMinute?: number, quotaPerDay?: number },
 *   encryptionKey?: Buffer | string, keyId?: string, now?: () => number,
 * }} opts `anonymous` accepts calls without a token (demo and tests only; a wrong token is still refused);
 *   without `encryptionKey` an anonymous receiver makes a key per process (demo data cannot be read after a restart).
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>}
 */
export function createLiaisonReceiver(opts) {
  const path = opts.path ?? '/api/liaison';
  const maxBytes = opts.maxBytes ?? 256 * 1024;
  const now = opts.now ?? (() => Date.now());
  const partners = (opts.partners ?? []).map((p) => {
    if (!/^[0-9a-f]{64}$/i.test(p.tokenSha256 ?? '')) throw new Error(`Partenaire ${p.id} : tokenSha256 doit être le SHA-256 (hex) du jeton, jamais le jeton lui-même.`);
    return { ratePerMinute: 30, quotaPerDay: 200, ...p, hash: Buffer.from(p.tokenSha256, 'hex') };
  });
  const anonymous = opts.anonymous ? { id: 'anonyme', ratePerMinute: Infinity, quotaPerDay: Infinity, ...(typeof opts.anonymous === 'object' ? opts.anonymous : {}) } : null;
  if (!partners.length && !anonymous) throw new Error('createLiaisonReceiver : déclarez au moins un partenaire (partners) avec le SHA-256 de son jeton.');
  const encryptionKey = opts.encryptionKey !== undefined ? readKey(opts.encryptionKey) : anonymous && !partners.length ? randomBytes(32) : readKey(opts.encryptionKey);
  const keyId = opts.keyId ?? 'k1';
  const ready = mkdir(opts.dir, { recursive: true, mode: 0o700 });
  const inflight = new Map(); // normalised key -> { partner, bodySha256, promise<receipt> }: concurrent replays wait for the first
  const hits = new Map(); // partner -> timestamps of the last minute
  const stored = new Map(); // partner -> { day, count }

  const who = (req) => {
    const auth = req.headers.authorization;
    if (auth === undefined) return anonymous;
    const m = /^Bearer ([\x21-\x7e]{16,512})$/.exec(auth);
    if (!m) return null;
    const h = createHash('sha256').update(m[1], 'utf8').digest();
    let found = null;
    // compare with every partner, in constant time, whoever matches
    for (const p of partners) if (timingSafeEqual(h, p.hash)) found = p;
    return found;
  };
  const limited = (p) => {
    const t = now();
    const recent = (hits.get(p.id) ?? []).filter((x) => x > t - 60_000);
    recent.push(t);
    hits.set(p.id, recent);
    return recent.length > p.ratePerMinute;
  };
  const day = () => new Date(now()).toISOString().slice(0, 10);
  const quotaLeft = (p) => {
    const s = stored.get(p.id);
    return !s || s.day !== day() || s.count < p.quotaPerDay;
  };
  const count = (p) => {
    const s = stored.get(p.id);
    stored.set(p.id, s && s.day === day() ? { day: s.day, count: s.count + 1 } : { day: day(), count: 1 });
  };

  /** The answer to a key already used: the receipt for the same partner and body, a problem otherwise. */
  const replayOrConflict = (res, meta, partner, bodySha256) => {
    if (meta.partner !== partner.id || meta.bodySha256 !== bodySha256) {
      return problem(res, 409, 'Clé d’idempotence déjà utilisée', 'Cette clé d’envoi (Idempotency-Key) a déjà servi pour une autre fiche : la fiche n’a pas été enregistrée. Renvoyez-la avec une nouvelle clé.');
    }
    res.writeHead(409, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(meta.receipt));
    return true;
  };

  return async function handle(req, res) {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname !== path) return false;
    if (req.method !== 'POST') return problem(res, 405, 'Méthode non autorisée', 'Envoyez la fiche avec POST.', {}, { allow: 'POST' });
    await ready;
    const partner = who(req);
    if (!partner) {
      req.resume();
      return problem(res, 401, 'Authentification requise', 'Jeton de partenaire manquant ou invalide (en-tête Authorization: Bearer …).', {}, { 'www-authenticate': 'Bearer realm="relais-liaison"' });
    }
    if (limited(partner)) {
      req.resume();
      return problem(res, 429, 'Trop de requêtes', 'Trop d’envois en une minute pour ce partenaire : réessayez dans une minute.', {}, { 'retry-after': '60' });
    }
    if (!/application\/json/i.test(req.headers['content-type'] ?? '')) return problem(res, 415, 'Type de contenu non pris en charge', 'La fiche doit être envoyée en JSON.');
    const rawKey = req.headers['idempotency-key'];
    const key = typeof rawKey === 'string' ? rawKey.trim().toLowerCase() : '';
    if (!KEY.test(key)) return problem(res, 400, 'Clé d’idempotence manquante', 'L’en-tête Idempotency-Key (UUID) est obligatoire : il évite les doublons en cas de renvoi.');
    // read the body with a size limit
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    for await (const c of req) {
      size += c.length;
      if (size > maxBytes) {
        tooLarge = true;
        // read and drop the rest so that the client gets the answer; give up on absurd sizes
        if (size > maxBytes * 16) {
          req.destroy();
          return true;
        }
        continue;
      }
      chunks.push(c);
    }
    if (tooLarge) return problem(res, 413, 'Fiche trop volumineuse', `La fiche dépasse ${Math.round(maxBytes / 1024)} Ko.`);
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return problem(res, 400, 'JSON illisible', 'Le corps de la requête n’est pas du JSON valide.');
    }
    const bodySha256 = sha256(canonicalJson(body));
    const file = `${key}.json`;
    const existing = await readFile(join(opts.dir, file), 'utf8').catch(() => null);
    if (existing) return replayOrConflict(res, JSON.parse(existing), partner, bodySha256);
    const running = inflight.get(key);
    if (running) {
      const receipt = await running.promise.catch(() => null);
      if (receipt) return replayOrConflict(res, { receipt, partner: running.partner, bodySha256: running.bodySha256 }, partner, bodySha256);
    }
    // the receiving rules of @relais/liaison (the same as @relais/server's): the consent record (CSP L1110-4,
    // CASF L226-2-2), the recipient and the sections it needs, no field the consent does not cover
    const { template, problems, unknownTemplate } = checkReceivedSheet(body);
    if (unknownTemplate) return problem(res, 422, 'Modèle inconnu', 'Le champ « template » ne désigne pas un modèle de fiche connu.', { 'invalid-params': problems });
    if (problems.length) return problem(res, 422, 'Fiche incomplète ou invalide', 'Corrigez les champs indiqués puis renvoyez la fiche.', { 'invalid-params': problems });
    if (!quotaLeft(partner)) return problem(res, 429, 'Quota atteint', `Ce partenaire a atteint son quota de ${partner.quotaPerDay} fiches pour aujourd’hui : la fiche n’a pas été enregistrée. Réessayez demain ou contactez le département.`, {}, { 'retry-after': '3600' });
    const sheet = { template: body.template, templateVersion: template.version, ...keepReceivedSheet(template, body.values, body.consent) };
    const plain = canonicalJson(sheet);
    const receipt = { id: key, receivedAt: new Date(now()).toISOString(), sha256: sha256(plain) };
    const meta = { v: 1, receipt, partner: partner.id, bodySha256 };
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', encryptionKey, iv);
    c.setAAD(adOf(meta));
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const record = { ...meta, sheet: { alg: 'A256GCM', kid: keyId, iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') } };
    count(partner);
    const p = writeDurably(opts.dir, file, JSON.stringify(record)).then(() => receipt);
    inflight.set(key, { partner: partner.id, bodySha256, promise: p });
    try {
      await p;
    } finally {
      inflight.delete(key);
    }
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', location: `${path}/${receipt.id}` });
    res.end(JSON.stringify(receipt));
    return true;
  };
}
