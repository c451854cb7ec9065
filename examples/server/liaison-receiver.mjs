// Reference receiver of liaison sheets (the demo server mounts it at /api/liaison).
// - validates with the same templates and rules as the browser (@relais/liaison/headless);
// - stores each sheet durably: written to a temporary file, fsync'd, renamed, and the folder fsync'd;
// - 201 with a receipt; 409 with the original receipt when an Idempotency-Key is replayed;
//   422 problem+json with the faulty fields; 413 when the body is too large; 400 for malformed JSON
//   or a missing key; 415 when the body is not JSON.
// A real deployment stores health data with an HDS-certified host, encrypts at rest, and sets a
// retention period: see packages/liaison/README.md.
import { open, rename, mkdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { liaisonTemplates, validateSheet, receivedSections, checkConsentRecord } from '../../packages/liaison/dist/headless.js';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function problem(res, status, title, detail, extra = {}) {
  res.writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }));
  return true;
}

async function writeDurably(dir, name, text) {
  const tmp = join(dir, `.${name}.${process.pid}.${Date.now()}.tmp`);
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

/**
 * @param {{ dir: string, maxBytes?: number, path?: string }} opts
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>}
 */
export function createLiaisonReceiver(opts) {
  const path = opts.path ?? '/api/liaison';
  const maxBytes = opts.maxBytes ?? 256 * 1024;
  const ready = mkdir(opts.dir, { recursive: true, mode: 0o700 });
  const inflight = new Map(); // key -> Promise<receipt>: concurrent replays wait for the first
  return async function handle(req, res) {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname !== path) return false;
    if (req.method !== 'POST') return problem(res, 405, 'Méthode non autorisée', 'Envoyez la fiche avec POST.');
    await ready;
    if (!/application\/json/i.test(req.headers['content-type'] ?? '')) return problem(res, 415, 'Type de contenu non pris en charge', 'La fiche doit être envoyée en JSON.');
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY.test(key)) return problem(res, 400, 'Clé d’idempotence manquante', 'L’en-tête Idempotency-Key (UUID) est obligatoire : il évite les doublons en cas de renvoi.');
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
    const file = `${key.toLowerCase()}.json`;
    const existing = await readFile(join(opts.dir, file), 'utf8').catch(() => null);
    if (existing) return replay(res, JSON.parse(existing).receipt);
    if (inflight.has(key)) return replay(res, await inflight.get(key));
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return problem(res, 400, 'JSON illisible', 'Le corps de la requête n’est pas du JSON valide.');
    }
    const template = body && typeof body === 'object' ? liaisonTemplates[body.template] : undefined;
    if (!template) return problem(res, 422, 'Modèle inconnu', 'Le champ « template » ne désigne pas un modèle de fiche connu.', { 'invalid-params': [{ name: 'template', reason: 'modèle inconnu' }] });
    const consent = body.consent;
    const consentErrors = [];
    if (!consent || typeof consent !== 'object') consentErrors.push({ name: 'consent', reason: 'Le consentement au partage est obligatoire.' });
    else {
      if (!['personne', 'representant'].includes(consent.by)) consentErrors.push({ name: 'consent.by', reason: 'Qui a donné son accord : « personne » ou « representant ».' });
      if (!Array.isArray(consent.recipients) || consent.recipients.length === 0) consentErrors.push({ name: 'consent.recipients', reason: 'À qui la fiche est transmise.' });
      if (typeof consent.at !== 'string' || Number.isNaN(Date.parse(consent.at))) consentErrors.push({ name: 'consent.at', reason: 'Date de l’accord (ISO 8601).' });
      if (consent.withdrawnAt) consentErrors.push({ name: 'consent.withdrawnAt', reason: 'Le consentement a été retiré.' });
      // a record with its regime (CSP L1110-4, CASF L226-2-2): its one answer must allow the sharing
      else if (consent.regime !== undefined) for (const reason of checkConsentRecord(consent)) consentErrors.push({ name: 'consent', reason });
    }
    const values = body.values && typeof body.values === 'object' && !Array.isArray(body.values) ? body.values : null;
    // only the sections shared with this recipient are received and validated
    const fieldErrors = values ? validateSheet(template, values, { sections: receivedSections(template, values, consent?.sections) }) : [{ field: 'values', message: 'Les valeurs de la fiche sont manquantes.' }];
    if (consentErrors.length || fieldErrors.length) {
      return problem(res, 422, 'Fiche incomplète ou invalide', 'Corrigez les champs indiqués puis renvoyez la fiche.', {
        'invalid-params': [...consentErrors, ...fieldErrors.map((e) => ({ name: e.field, reason: e.message }))],
      });
    }
    const canonical = JSON.stringify({ template: body.template, values, consent });
    const receipt = { id: key.toLowerCase(), receivedAt: new Date().toISOString(), sha256: createHash('sha256').update(canonical).digest('hex') };
    const p = writeDurably(opts.dir, file, JSON.stringify({ receipt, sheet: JSON.parse(canonical) })).then(() => receipt);
    inflight.set(key, p);
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

function replay(res, receipt) {
  res.writeHead(409, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(receipt));
  return true;
}
