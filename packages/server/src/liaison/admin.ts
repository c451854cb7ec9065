/**
 * Administration of the liaison receiver, for the CLI (`relais-server liaison …`): partners and recipient structures
 * (a token is made, shown once, and only its SHA-256 is stored), revocation, and the retention purge.
 */
import type { Queryable } from '../db/types.js';
import { hashToken, newToken } from './crypto.js';
import { DEFAULT_LOG_RETENTION_DAYS, DEFAULT_RETENTION_DAYS, readRetention } from './config.js';
import { logAccess } from './receiver.js';

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const checkId = (id: string, what: string) => {
  if (!ID.test(id)) throw new Error(`Identifiant de ${what} invalide : 1 à 64 caractères, minuscules, chiffres, « . », « _ », « - » (reçu « ${id.slice(0, 70)} »).`);
};

/** Adds a partner (who sends sheets); returns its token, to hand over once: it is not stored. */
export async function addPartner(db: Queryable, p: { id: string; ratePerMinute?: number; quotaPerDay?: number }): Promise<{ id: string; token: string }> {
  checkId(p.id, 'partenaire');
  const token = newToken('rlp');
  await db.query('INSERT INTO liaison_partners (id, token_sha256, rate_per_minute, quota_per_day) VALUES ($1, $2, $3, $4)', [p.id, hashToken(token), p.ratePerMinute ?? 30, p.quotaPerDay ?? 200]);
  return { id: p.id, token };
}

/**
 * Adds a recipient structure (which reads the sheets of the partners it names, of the templates it names or all);
 * returns its token, to hand over once: it is not stored.
 */
export async function addRecipient(db: Queryable, r: { id: string; name: string; partners: readonly string[]; templates?: readonly string[] }): Promise<{ id: string; token: string }> {
  checkId(r.id, 'destinataire');
  if (!r.partners.length) throw new Error('Un destinataire lit les fiches d’au moins un partenaire : précisez lesquels.');
  for (const p of r.partners) checkId(p, 'partenaire');
  for (const t of r.templates ?? []) if (!/^[\w-]{1,64}$/.test(t)) throw new Error(`Modèle de fiche invalide : « ${t.slice(0, 70)} ».`);
  const token = newToken('rlr');
  // identifiers cannot hold a comma: the lists travel as one text (the same SQL on PGlite and PostgreSQL)
  await db.query("INSERT INTO liaison_recipients (id, name, token_sha256, partners, templates) VALUES ($1, $2, $3, string_to_array($4, ','), CASE WHEN $5::text IS NULL THEN NULL ELSE string_to_array($5, ',') END)", [
    r.id,
    r.name.slice(0, 200),
    hashToken(token),
    r.partners.join(','),
    r.templates?.length ? r.templates.join(',') : null,
  ]);
  return { id: r.id, token };
}

/** Gives a partner or a recipient a new token (the old one stops working at once); returns it. */
export async function renewToken(db: Queryable, kind: 'partner' | 'recipient', id: string): Promise<string> {
  const token = newToken(kind === 'partner' ? 'rlp' : 'rlr');
  const rows = await db.query(`UPDATE ${kind === 'partner' ? 'liaison_partners' : 'liaison_recipients'} SET token_sha256 = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [id, hashToken(token)]);
  if (!rows.length) throw new Error(`${kind === 'partner' ? 'Partenaire' : 'Destinataire'} « ${id.slice(0, 70)} » inconnu ou révoqué.`);
  return token;
}

/** Revokes a partner or a recipient: its token is refused from now on. */
export async function revoke(db: Queryable, kind: 'partner' | 'recipient', id: string, now = Date.now()): Promise<boolean> {
  const rows = await db.query(`UPDATE ${kind === 'partner' ? 'liaison_partners' : 'liaison_recipients'} SET revoked_at = $2::timestamptz WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [id, new Date(now).toISOString()]);
  return rows.length > 0;
}

/** Deletes the sheets older than the retention delay and the access-log lines older than theirs; returns the counts. */
export async function purgeLiaison(
  db: Queryable,
  opts: { retentionDays?: number; logRetentionDays?: number; now?: number } = {},
): Promise<{ sheets: number; logLines: number }> {
  const now = opts.now ?? Date.now();
  const days = opts.retentionDays ?? DEFAULT_RETENTION_DAYS.value;
  const logDays = opts.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS;
  if (!(days > 0) || !(logDays > 0)) throw new Error('Durées de conservation : un nombre de jours positif est attendu.');
  const sheets = await db.query('DELETE FROM liaison_sheets WHERE received_at < $1::timestamptz RETURNING 1 AS gone', [new Date(now - days * 86_400_000).toISOString()]);
  const lines = await db.query('DELETE FROM liaison_access_log WHERE at < $1::timestamptz RETURNING 1 AS gone', [new Date(now - logDays * 86_400_000).toISOString()]);
  await logAccess(db, now, 'system', null, 'purge', sheets.length, null);
  return { sheets: sheets.length, logLines: lines.length };
}

/** `relais-server liaison purge`: the purge with the delays of the environment (RELAIS_LIAISON_RETENTION_DAYS…). */
export async function runLiaisonPurge(db: Queryable, env: Readonly<Record<string, string | undefined>>, now = Date.now()): Promise<{ sheets: number; logLines: number }> {
  return purgeLiaison(db, { ...readRetention(env), now });
}

/**
 * The CLI's `liaison` commands: `args` after `relais-server liaison`. Returns the lines to print (a new token is
 * printed once, never logged). Throws a French message for a wrong use.
 */
export async function liaisonCommand(db: Queryable, env: Readonly<Record<string, string | undefined>>, args: readonly string[]): Promise<string[]> {
  const [cmd, ...rest] = args;
  const opt = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const num = (name: string) => {
    const v = opt(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} : un entier positif est attendu.`);
    return n;
  };
  const id = rest[0] && !rest[0].startsWith('--') ? rest[0] : '';
  switch (cmd) {
    case 'purge': {
      const r = await runLiaisonPurge(db, env);
      return [`Fiches effacées (durée de conservation dépassée) : ${r.sheets}`, `Lignes du journal d’accès effacées : ${r.logLines}`];
    }
    case 'add-partner': {
      const p = await addPartner(db, { id, ratePerMinute: num('rate'), quotaPerDay: num('quota') });
      return [`Partenaire « ${p.id} » ajouté. Son jeton (à transmettre une seule fois, il n’est pas conservé) :`, p.token];
    }
    case 'add-recipient': {
      const r = await addRecipient(db, { id, name: opt('name') ?? id, partners: (opt('partners') ?? '').split(',').filter(Boolean), templates: opt('templates')?.split(',').filter(Boolean) });
      return [`Destinataire « ${r.id} » ajouté. Son jeton (à transmettre une seule fois, il n’est pas conservé) :`, r.token];
    }
    case 'renew-partner':
    case 'renew-recipient':
      return ['Nouveau jeton (l’ancien ne fonctionne plus) :', await renewToken(db, cmd === 'renew-partner' ? 'partner' : 'recipient', id)];
    case 'revoke-partner':
    case 'revoke-recipient':
      return [(await revoke(db, cmd === 'revoke-partner' ? 'partner' : 'recipient', id)) ? `« ${id} » révoqué.` : `« ${id} » inconnu ou déjà révoqué.`];
    default:
      throw new Error(
        'Commandes : liaison purge | add-partner <id> [--rate N] [--quota N] | add-recipient <id> --partners a,b [--templates orientation,dlu-domicile] [--name "…"] | renew-partner <id> | renew-recipient <id> | revoke-partner <id> | revoke-recipient <id>',
      );
  }
}
