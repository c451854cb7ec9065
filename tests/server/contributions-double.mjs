// A test double of the contributions contract (packages/core/contributions-openapi.json), built from that file and
// never from the SDK's code: every request the browser sends is checked against the contract (path, method, path and
// query parameters, content type, body schema) and every answer the double gives is checked against the response
// declared for its status before it leaves; a request or an answer outside the contract is logged with its errors
// (GET {prefix}/_requests, then ?clear=1) and an answer outside it is replaced by a 500, so that a test fails.
// Behaviour, as the contract describes it:
// - POST /services/{id}/suggestions: public; 415 without JSON, 400 unreadable JSON, 422 with French `errors`
//   (`champ`: `auteur`, `contact`, `commentaire`, or the changed field's name: `telephone`, `courriel`…), 404 unknown
//   service, 429 + Retry-After past the limit per address; the honeypot `site_web` filled answers 202 and keeps nothing;
// - the moderator's session is a cookie `relais_session` (HttpOnly); the OpenID Connect dance itself is the server's
//   (tested there against a real provider): here GET {prefix}/_test/session?nom=…&territoires=58 opens one,
//   GET {prefix}/_test/session?fermer=1 closes it, GET {prefix}/_test/reset?limite=N resets everything,
//   GET {prefix}/_test/contribution?service=…&changements=[…] adds a suggestion received yesterday, GET
//   {prefix}/_test/service?id=… reads a record as stored, GET {prefix}/_test/strip-mail?id=… removes its addresses;
// - GET /auth/moi, POST /auth/logout, GET /contributions (oldest first), POST /contributions/{id}/acceptation
//   (per field; 409 when decided or when the record is not the département's own), POST /contributions/{id}/refus
//   (`motif` required), GET /fraicheur, POST /services/{id}/demande-confirmation (masked address, or 409 without one),
//   GET /statistiques/contributions.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { validate, readQuery } from './openapi-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The contract, as shipped in @relais/core. */
export const CONTRIBUTIONS_SPEC = JSON.parse(readFileSync(join(root, 'packages/core/contributions-openapi.json'), 'utf8'));
const spec = CONTRIBUTIONS_SPEC;

const LABELS = { telephone: 'Téléphone', courriel: 'Courriel', adresse: 'Adresse', horaires_accueil: 'Horaires', description: 'Description', ferme: 'Le service n’existe plus', demenage: 'A déménagé' };
const PHONE = /^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The route of the contract a request takes: its template, operation and path parameters. */
export function matchRoute(method, path) {
  for (const [template, ops] of Object.entries(spec.paths)) {
    const names = [];
    const re = new RegExp(`^${template.replace(/\{([^}]+)\}/g, (_, n) => (names.push(n), '([^/]+)'))}$`);
    const m = re.exec(path);
    if (!m) continue;
    const op = ops[method.toLowerCase()];
    if (!op) return { template, op: null, params: {} };
    return { template, op, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

/** Errors of a request against the contract (path and query parameters, content type, body). */
export function checkContractRequest(method, path, searchParams, contentType, body) {
  const route = matchRoute(method, path);
  if (!route) return { route: null, errors: [{ type: 'not_found', loc: ['path'], msg: `Pas de ${path} dans le contrat` }] };
  if (!route.op) return { route, errors: [{ type: 'method', loc: ['method'], msg: `Pas de ${method} ${route.template} dans le contrat` }] };
  const errors = [];
  for (const p of route.op.parameters ?? []) {
    if (p.in === 'path') errors.push(...validate(spec, p.schema, route.params[p.name], ['path', p.name]));
  }
  if (method === 'GET') errors.push(...readQuery(spec, route.template, searchParams).errors);
  else {
    const known = new Set((route.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    for (const k of searchParams.keys()) if (!known.has(k)) errors.push({ type: 'extra_forbidden', loc: ['query', k], msg: 'Paramètre hors contrat' });
  }
  const rb = route.op.requestBody;
  if (body !== undefined && body !== '') {
    if (!rb) errors.push({ type: 'extra_forbidden', loc: ['body'], msg: 'Cette opération ne prend pas de corps' });
    else if (!/^application\/json\b/.test(contentType ?? '')) errors.push({ type: 'content_type', loc: ['body'], msg: `content-type ${contentType} hors contrat` });
    else {
      let value;
      try {
        value = JSON.parse(body);
      } catch {
        errors.push({ type: 'json_invalid', loc: ['body'], msg: 'JSON illisible' });
      }
      if (value !== undefined) errors.push(...validate(spec, rb.content['application/json'].schema, value, ['body']));
    }
  } else if (rb?.required) errors.push({ type: 'missing', loc: ['body'], msg: 'Corps requis' });
  return { route, errors };
}

/** Errors of an answer against the response the contract declares for its status. */
export function checkContractResponse(route, status, contentType, value) {
  const r = route?.op?.responses?.[String(status)];
  if (!r) return [{ type: 'status', loc: ['response', status], msg: `Statut ${status} non déclaré pour ${route?.template}` }];
  if (!r.content) return value === undefined ? [] : [{ type: 'body', loc: ['response'], msg: 'Corps non déclaré' }];
  const media = r.content[contentType];
  if (!media) return [{ type: 'content_type', loc: ['response'], msg: `${contentType} non déclaré pour ${status}` }];
  return validate(spec, media.schema, value, ['response']);
}

const cookieOf = (req, name) => {
  for (const part of (req.headers.cookie ?? '').split(/;\s*/)) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i) === name) return decodeURIComponent(part.slice(i + 1));
  }
  return null;
};
const readBody = (req) =>
  new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
const departementOf = (insee) => (insee ? (/^97/.test(insee) ? insee.slice(0, 3) : insee.slice(0, 2)) : null);
const problem = (status, title, detail, errors) => ({ status, type: 'about:blank', title, detail, ...(errors ? { errors } : {}) });

/** The double, mounted under `prefix`; its data: the Nièvre sample, plus two records synchronised from elsewhere. */
export function createContributionsDouble({ prefix = '/contrib', dataset = JSON.parse(readFileSync(join(root, 'examples/data/nievre.json'), 'utf8')) } = {}) {
  const log = [];
  let state;
  const reset = (limit = 30) => {
    const structures = new Map(dataset.structures.map((s) => [s.id, { ...s }]));
    const services = new Map(dataset.services.map((s) => [s.id, { ...s }]));
    // a record synchronised from data·inclusion (not the département's own): corrections go to its producer
    const first = dataset.services[0];
    services.set('dora--svc-1', { ...first, id: 'dora--svc-1', source: 'dora', nom: 'Aide administrative (DORA)', telephone: '03 86 00 00 01', lien_source: 'https://dora.inclusion.beta.gouv.fr/services/svc-1' });
    state = { structures, services, contributions: [], sessions: new Map(), limit, counts: new Map(), confirmations: new Map(), history: [] };
  };
  reset();

  const structureOf = (s) => state.structures.get(s.structure_id) ?? null;
  const current = (s, champ) => {
    const st = structureOf(s);
    const pick = (k) => s[k] ?? st?.[k] ?? null;
    if (champ === 'adresse' || champ === 'demenage') {
      const a = [pick('adresse'), [pick('code_postal'), pick('commune')].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      return a || null;
    }
    if (champ === 'ferme') return null;
    return pick(champ);
  };
  const asContribution = (c) => {
    const s = state.services.get(c.service_id);
    const st = structureOf(s);
    const out = {
      id: c.id,
      service_id: c.service_id,
      service_nom: s.nom,
      structure_nom: st?.nom ?? s.nom,
      source: s.source,
      departement: departementOf(s.code_insee ?? st?.code_insee),
      auteur: c.auteur,
      recu_le: c.recu_le,
      statut: c.statut,
      changements: c.changements.map((ch) => ({ champ: ch.champ, libelle: LABELS[ch.champ], avant: c.avant[ch.champ] ?? null, apres: ch.valeur })),
      commentaire: c.commentaire ?? null,
      contact: c.contact ?? null,
      lien_source: s.lien_source ?? null,
      modifiable: s.source !== 'dora',
    };
    if (c.decision) out.decision = c.decision;
    return out;
  };
  const moderatorOf = (req) => state.sessions.get(cookieOf(req, 'relais_session') ?? '') ?? null;

  /** Validates the answer against the contract, logs, and sends it (a 500 when outside the contract). */
  const answer = (res, entry, route, status, body, headers = {}) => {
    const type = body === undefined ? null : status >= 400 ? 'application/problem+json' : 'application/json';
    const errors = checkContractResponse(route, status, type, body);
    entry.status = status;
    entry.responseErrors = errors;
    if (errors.length) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ detail: 'réponse hors contrat', errors }));
      return true;
    }
    res.writeHead(status, { 'cache-control': 'no-store', ...(type ? { 'content-type': `${type}; charset=utf-8` } : {}), ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
    return true;
  };

  const suggest = (id, v, req) => {
    const s = state.services.get(id);
    if (!s) return [404, problem(404, 'Service inconnu', 'Ce service n’existe pas ou plus dans l’annuaire.')];
    const ip = req.socket.remoteAddress ?? 'local';
    const n = (state.counts.get(ip) ?? 0) + 1;
    state.counts.set(ip, n);
    if (n > state.limit) return [429, problem(429, 'Trop de propositions', 'Trop de propositions depuis cette adresse : réessayez plus tard.'), { 'retry-after': '900' }];
    const errors = [];
    const seen = new Set();
    for (const ch of v.changements) {
      if (seen.has(ch.champ)) errors.push({ champ: ch.champ, message: 'Ce champ est proposé deux fois.' });
      seen.add(ch.champ);
      const val = ch.valeur.trim();
      if (ch.champ !== 'ferme' && !val) errors.push({ champ: ch.champ, message: `Indiquez la nouvelle valeur (${LABELS[ch.champ].toLowerCase()}).` });
      else if (ch.champ === 'telephone' && !PHONE.test(val)) errors.push({ champ: 'telephone', message: 'Indiquez un numéro de téléphone français, par exemple 03 86 12 34 56.' });
      else if (ch.champ === 'courriel' && !EMAIL.test(val)) errors.push({ champ: 'courriel', message: 'Indiquez une adresse électronique, par exemple accueil@mairie.fr.' });
    }
    if (errors.length) return [422, problem(422, 'Proposition incomplète', 'Certains champs sont à corriger.', errors)];
    const receipt = { id: randomUUID(), statut: 'en_attente' };
    if (v.site_web) return [202, receipt];
    state.contributions.push({
      id: receipt.id,
      service_id: id,
      auteur: v.auteur,
      recu_le: new Date().toISOString(),
      statut: 'en_attente',
      changements: v.changements,
      avant: Object.fromEntries(v.changements.map((ch) => [ch.champ, current(s, ch.champ)])),
      commentaire: v.commentaire,
      contact: v.contact,
    });
    return [202, receipt];
  };

  /** The schema's 422 for a body outside SuggestionRequest, in French, by field. */
  const schemaErrors = (errs, body) =>
    errs.map((e) => {
      const loc = e.loc.slice(1);
      if (loc[0] === 'changements' && typeof loc[1] === 'number') {
        const champ = body?.changements?.[loc[1]]?.champ;
        return { champ: typeof champ === 'string' ? champ : 'changements', message: e.type === 'string_too_long' ? 'Ce texte est trop long (2 000 caractères au plus).' : 'Cette modification n’est pas lisible.' };
      }
      const champ = String(loc[0] ?? 'corps');
      const message =
        champ === 'auteur' ? 'Dites qui propose cette modification.' :
        champ === 'changements' ? 'Choisissez au moins une information à corriger.' :
        e.type === 'string_too_long' ? 'Ce texte est trop long.' : 'Cette valeur n’est pas acceptée.';
      return { champ, message };
    });

  return async (req, res, url) => {
    if (!url.pathname.startsWith(`${prefix}/`)) return false;
    const path = url.pathname.slice(prefix.length);
    if (path === '/_requests') {
      const out = [...log];
      if (url.searchParams.get('clear')) log.length = 0;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(out));
      return true;
    }
    if (path === '/_test/reset') {
      reset(Number(url.searchParams.get('limite') ?? 30));
      log.length = 0;
      res.writeHead(204, { 'set-cookie': 'relais_session=; Path=/; Max-Age=0' });
      res.end();
      return true;
    }
    if (path === '/_test/session') {
      if (url.searchParams.get('fermer')) {
        res.writeHead(204, { 'set-cookie': 'relais_session=; Path=/; Max-Age=0' });
        res.end();
        return true;
      }
      const token = randomUUID();
      const territoires = (url.searchParams.get('territoires') ?? '58').split(',');
      state.sessions.set(token, { sub: `sub-${token.slice(0, 8)}`, nom: url.searchParams.get('nom') ?? 'Camille Martin', courriel: 'camille.martin@nievre.example', territoires });
      res.writeHead(204, { 'set-cookie': `relais_session=${token}; Path=/; HttpOnly; SameSite=Lax` });
      res.end();
      return true;
    }
    if (path === '/_test/contribution') {
      // a suggestion received earlier (the queue of a moderator who signs in)
      const id = url.searchParams.get('service') ?? dataset.services[0].id;
      const s = state.services.get(id);
      const changements = JSON.parse(url.searchParams.get('changements') ?? '[{"champ":"telephone","valeur":"03 86 11 22 33"}]');
      const c = { id: randomUUID(), service_id: id, auteur: url.searchParams.get('auteur') ?? 'usager', recu_le: new Date(Date.now() - 86400000).toISOString(), statut: 'en_attente', changements, avant: Object.fromEntries(changements.map((ch) => [ch.champ, current(s, ch.champ)])), commentaire: url.searchParams.get('commentaire') ?? undefined, contact: undefined };
      state.contributions.push(c);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: c.id }));
      return true;
    }
    if (path === '/_test/strip-mail') {
      // the structure lost its address after the list was read: the confirmation request answers 409
      const s = state.services.get(url.searchParams.get('id') ?? '');
      if (s) {
        s.courriel = null;
        const st = structureOf(s);
        if (st) st.courriel = null;
      }
      res.writeHead(204);
      res.end();
      return true;
    }
    if (path === '/_test/service') {
      const s = state.services.get(url.searchParams.get('id') ?? '');
      res.writeHead(s ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(s ?? null));
      return true;
    }

    const text = req.method === 'GET' ? '' : await readBody(req);
    const checked = checkContractRequest(req.method, path, url.searchParams, req.headers['content-type'], text);
    const entry = { method: req.method, path, query: url.search, errors: checked.errors, credentials: !!req.headers.cookie };
    log.push(entry);
    if (log.length > 500) log.shift();
    const route = checked.route;
    if (!route?.op) {
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify(problem(404, 'Introuvable', 'Chemin hors contrat.')));
      return true;
    }
    const op = route.op.operationId;
    let body;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (op === 'suggestChange') {
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return answer(res, entry, route, 415, problem(415, 'Format refusé', 'Le corps doit être du JSON.'));
      if (Buffer.byteLength(text) > 16 * 1024) return answer(res, entry, route, 413, problem(413, 'Trop volumineux', 'La proposition dépasse 16 Kio.'));
      if (body === undefined) return answer(res, entry, route, 400, problem(400, 'Corps illisible', 'Le corps n’est pas du JSON valide.'));
      const errs = validate(spec, route.op.requestBody.content['application/json'].schema, body, ['body']);
      if (errs.length) return answer(res, entry, route, 422, problem(422, 'Proposition incomplète', 'Certains champs sont à corriger.', schemaErrors(errs, body)));
      const [status, out, headers] = suggest(route.params.id, body, req);
      return answer(res, entry, route, status, out, headers);
    }
    if (op === 'login') {
      // the OIDC redirection is the server's; the double only checks the request and gives the way back
      entry.status = 302;
      res.writeHead(302, { location: url.searchParams.get('retour') ?? '/' });
      res.end();
      return true;
    }
    const me = moderatorOf(req);
    if (op === 'logout') {
      state.sessions.delete(cookieOf(req, 'relais_session') ?? '');
      return answer(res, entry, route, 204, undefined, { 'set-cookie': 'relais_session=; Path=/; Max-Age=0' });
    }
    if (!me) return answer(res, entry, route, 401, problem(401, 'Non connecté', 'Connectez-vous pour modérer les contributions.'));
    if (op === 'me') return answer(res, entry, route, 200, me);
    const q = method(req) === 'GET' ? readQuery(spec, route.template, url.searchParams).values : {};
    if (q.departement && !me.territoires.includes(q.departement)) return answer(res, entry, route, 403, problem(403, 'Territoire non autorisé', `Vous ne modérez pas le département ${q.departement}.`));
    const mine = (s) => me.territoires.includes(departementOf(s.code_insee ?? structureOf(s)?.code_insee));
    const page = (items, p, size) => ({ items: items.slice((p - 1) * size, p * size), total: items.length, page: p, pages: Math.max(1, Math.ceil(items.length / size)) });
    if (op === 'listContributions') {
      const items = state.contributions
        .filter((c) => c.statut === q.statut && mine(state.services.get(c.service_id)) && (!q.departement || departementOf(state.services.get(c.service_id).code_insee) === q.departement))
        .sort((a, b) => (a.recu_le < b.recu_le ? -1 : 1))
        .map(asContribution);
      return answer(res, entry, route, 200, page(items, q.page, q.taille));
    }
    if (op === 'acceptContribution' || op === 'rejectContribution') {
      const c = state.contributions.find((x) => x.id === route.params.id);
      if (!c) return answer(res, entry, route, 404, problem(404, 'Suggestion inconnue', 'Cette suggestion n’existe pas.'));
      const s = state.services.get(c.service_id);
      if (!mine(s)) return answer(res, entry, route, 403, problem(403, 'Territoire non autorisé', 'Cette fiche n’est pas sur vos territoires.'));
      if (c.statut !== 'en_attente') return answer(res, entry, route, 409, problem(409, 'Déjà décidée', 'Cette suggestion a déjà été décidée.'));
      if (op === 'rejectContribution') {
        if (!body || typeof body.motif !== 'string' || !body.motif.trim() || checked.errors.length) return answer(res, entry, route, 422, problem(422, 'Motif requis', 'Indiquez le motif du refus.', [{ champ: 'motif', message: 'Indiquez le motif du refus (500 caractères au plus).' }]));
        c.statut = 'refusee';
        c.decision = { par: me.nom, le: new Date().toISOString(), motif: body.motif.trim() };
        return answer(res, entry, route, 200, { contribution: asContribution(c) });
      }
      if (s.source === 'dora') return answer(res, entry, route, 409, problem(409, 'Fiche d’une autre source', 'Cette fiche est synchronisée depuis data·inclusion : elle se corrige chez son producteur.'));
      if (checked.errors.length) return answer(res, entry, route, 409, problem(409, 'Requête hors contrat', 'Les champs demandés ne sont pas lisibles.'));
      const champs = body?.champs ?? c.changements.map((ch) => ch.champ);
      const le = new Date().toISOString();
      for (const ch of c.changements.filter((x) => champs.includes(x.champ))) {
        if (['telephone', 'courriel', 'horaires_accueil', 'description'].includes(ch.champ)) s[ch.champ] = ch.valeur;
        if (ch.champ === 'adresse' || ch.champ === 'demenage') s.adresse = ch.valeur;
        state.history.push({ service_id: s.id, le, par: me.nom, type: 'modification', champ: ch.champ, avant: c.avant[ch.champ] ?? null, apres: ch.valeur, contribution_id: c.id });
      }
      s.date_maj = le.slice(0, 10);
      c.statut = 'acceptee';
      c.decision = { par: me.nom, le, motif: null, champs };
      return answer(res, entry, route, 200, { contribution: asContribution(c), service: s });
    }
    if (op === 'serviceHistory') {
      const s = state.services.get(route.params.id);
      if (!s) return answer(res, entry, route, 404, problem(404, 'Service inconnu', 'Ce service n’existe pas.'));
      return answer(res, entry, route, 200, { items: state.history.filter((h) => h.service_id === s.id).map(({ service_id, ...h }) => (void service_id, h)) });
    }
    if (op === 'staleServices') {
      const limit = new Date();
      limit.setMonth(limit.getMonth() - q.mois);
      const cut = limit.toISOString().slice(0, 10);
      const items = [...state.services.values()]
        .filter((s) => mine(s) && s.date_maj < cut && (!q.departement || departementOf(s.code_insee) === q.departement))
        .sort((a, b) => (a.date_maj < b.date_maj ? -1 : a.date_maj > b.date_maj ? 1 : a.id < b.id ? -1 : 1))
        .map((s) => ({ service_id: s.id, service_nom: s.nom, structure_nom: structureOf(s)?.nom ?? s.nom, date_maj: s.date_maj, a_un_courriel: !!(s.courriel ?? structureOf(s)?.courriel), demande_envoyee_le: state.confirmations.get(s.id) ?? null }));
      return answer(res, entry, route, 200, page(items, q.page, q.taille));
    }
    if (op === 'requestConfirmation') {
      const s = state.services.get(route.params.id);
      if (!s) return answer(res, entry, route, 404, problem(404, 'Service inconnu', 'Ce service n’existe pas.'));
      if (!mine(s)) return answer(res, entry, route, 403, problem(403, 'Territoire non autorisé', 'Cette fiche n’est pas sur vos territoires.'));
      const mail = s.courriel ?? structureOf(s)?.courriel;
      if (!mail) return answer(res, entry, route, 409, problem(409, 'Aucune adresse', 'Ni la fiche ni sa structure n’ont d’adresse électronique : appelez la structure pour qu’elle confirme sa fiche.'));
      const sent = new Date();
      state.confirmations.set(s.id, sent.toISOString());
      const [user, domain] = mail.split('@');
      return answer(res, entry, route, 202, { envoyee_a: `${user[0]}***@${domain}`, expire_le: new Date(sent.getTime() + 14 * 86400000).toISOString() });
    }
    if (op === 'contributionStats') {
      const rows = new Map();
      const byAuthor = { usager: 0, professionnel: 0, structure: 0 };
      for (const c of state.contributions) {
        const s = state.services.get(c.service_id);
        if (!mine(s)) continue;
        const st = structureOf(s);
        const key = st?.id ?? s.structure_id;
        const row = rows.get(key) ?? { structure_id: key, structure_nom: st?.nom ?? s.nom, suggestions: 0, acceptees: 0, refusees: 0, confirmations: 0 };
        row.suggestions++;
        if (c.statut === 'acceptee') row.acceptees++;
        if (c.statut === 'refusee') row.refusees++;
        rows.set(key, row);
        byAuthor[c.auteur]++;
      }
      return answer(res, entry, route, 200, { par_structure: [...rows.values()].sort((a, b) => b.suggestions - a.suggestions), par_auteur: byAuthor });
    }
    return answer(res, entry, route, 404, problem(404, 'Non simulé', `${op} n’est pas simulé par le double de test.`));
  };
}
const method = (req) => req.method;
