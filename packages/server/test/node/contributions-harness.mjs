// Harness of the contributions tests: the contract (packages/core/contributions-openapi.json) and a response checker
// built on tests/server/openapi-check.mjs, a small data set of two départements, the security corpus (transpiled from
// tests/security/payloads.ts), a real SMTP server (smtp-server + mailparser) and a real OpenID Connect provider
// (oidc-provider) driven through its own login and consent pages with plain fetch.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import Provider from 'oidc-provider';
import { validate } from '../../../../tests/server/openapi-check.mjs';

const root = (p) => fileURLToPath(new URL(`../../../../${p}`, import.meta.url));

/** The contract. */
export const SPEC = JSON.parse(readFileSync(root('packages/core/contributions-openapi.json'), 'utf8'));

/**
 * Checks a response against the contract: the status is declared for the operation, the content type is one the
 * status declares, and a JSON body matches its schema (no property the contract does not name). Returns the body.
 */
export async function checked(method, template, res) {
  const op = SPEC.paths[template]?.[method.toLowerCase()];
  assert.ok(op, `${method} ${template} absent du contrat`);
  const declared = op.responses[String(res.status)];
  assert.ok(declared, `${method} ${template} : statut ${res.status} non déclaré par le contrat`);
  const text = await res.text();
  if (!declared.content) return text;
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  assert.ok(declared.content[type], `${method} ${template} ${res.status} : type ${type} non déclaré (${Object.keys(declared.content).join(', ')})`);
  if (type === 'text/html') return text;
  const body = JSON.parse(text);
  const errors = validate(SPEC, declared.content[type].schema, body);
  assert.deepEqual(errors, [], `${method} ${template} ${res.status} : réponse hors contrat`);
  return body;
}

/** The security corpus of tests/security/payloads.ts, transpiled on the fly (the file is TypeScript). */
export async function loadPayloads() {
  const src = readFileSync(root('tests/security/payloads.ts'), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`)).PAYLOADS;
}

const structure = (id, nom, code_insee, code_postal, commune, extra = {}) => ({
  source: id.split('--')[0],
  id,
  nom,
  date_maj: '2023-01-15',
  adresse: '1 place de la Mairie',
  commune,
  code_postal,
  code_insee,
  latitude: 47.2,
  longitude: 3.5,
  telephone: '03 86 00 00 00',
  courriel: 'accueil@mairie.example.fr',
  ...extra,
});
const service = (id, structure_id, nom, extra = {}) => ({
  source: id.split('--')[0],
  id,
  structure_id,
  nom,
  description: 'Aide aux démarches en ligne.',
  date_maj: '2023-01-15',
  type: 'accompagnement',
  thematiques: ['numerique--acceder-a-des-services-en-ligne'],
  frais: 'gratuit',
  publics: ['tous-publics'],
  modes_accueil: ['en-presentiel'],
  zone_eligibilite: [],
  ...extra,
});

/** Two départements of the département's own data (source `cd58`, `cd89`). */
export const OWN = {
  structures: [
    structure('cd58--ccas-clamecy', 'CCAS de Clamecy', '58079', '58500', 'Clamecy'),
    structure('cd89--ccas-auxerre', 'CCAS d’Auxerre', '89024', '89000', 'Auxerre', { courriel: null }),
  ],
  services: [
    service('cd58--numerique', 'cd58--ccas-clamecy', 'Point numérique de Clamecy', { telephone: '03 86 27 00 00', courriel: 'numerique@clamecy.example.fr', code_insee: '58079', code_postal: '58500', commune: 'Clamecy' }),
    service('cd58--epicerie', 'cd58--ccas-clamecy', 'Épicerie solidaire de Clamecy', { code_insee: '58079', code_postal: '58500', commune: 'Clamecy' }),
    service('cd58--permanence', 'cd58--ccas-clamecy', 'Permanence logement', { code_insee: '58079', code_postal: '58500', commune: 'Clamecy' }),
    service('cd58--recent', 'cd58--ccas-clamecy', 'Atelier budget', { code_insee: '58079', code_postal: '58500', commune: 'Clamecy', date_maj: new Date().toISOString().slice(0, 10) }),
    service('cd89--numerique', 'cd89--ccas-auxerre', 'Point numérique d’Auxerre', { code_insee: '89024', code_postal: '89000', commune: 'Auxerre' }),
  ],
};

/** A record written by the data·inclusion sync (not the département's own). */
export const SYNCED = {
  structures: [structure('dora--mission-locale', 'Mission locale du Nivernais', '58194', '58000', 'Nevers', { lien_source: 'https://dora.inclusion.beta.gouv.fr/structures/mission-locale' })],
  services: [service('dora--jeunes', 'dora--mission-locale', 'Accompagnement des jeunes', { code_insee: '58194', code_postal: '58000', commune: 'Nevers' })],
};

/** A local SMTP server that keeps the parsed messages. */
export async function startSmtp() {
  const messages = [];
  const waiters = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (m) => {
          messages.push(m);
          for (const w of waiters.splice(0)) w();
          done();
        },
        (e) => done(e),
      );
    },
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    messages,
    /** The next message (waits up to 5 s). */
    async next(count) {
      const t0 = Date.now();
      while (messages.length < count) {
        if (Date.now() - t0 > 5000) throw new Error('aucun courriel reçu');
        await new Promise((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
      return messages[count - 1];
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

/** The people the local provider knows. */
export const ACCOUNTS = {
  'agent-58': { email: 'Claire.Martin@nievre.example.fr', given_name: 'Claire', usual_name: 'Martin' },
  'agent-89': { email: 'paul.durand@yonne.example.fr', given_name: 'Paul', usual_name: 'Durand' },
  'agent-inconnu': { email: 'personne@ailleurs.example.fr', given_name: 'Sam', usual_name: 'Personne' },
};

/**
 * A real OpenID Connect provider on loopback: authorization code with PKCE, ProConnect's claims (`given_name`,
 * `usual_name`, `email`), a signed userinfo JWT (RS256), `client_secret_post`, the acr `eidas1`. Its own development
 * login and consent pages are the interaction.
 */
export async function startProvider(redirectUri) {
  const http = createServer();
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${http.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'relais-test',
        client_secret: 'un-secret-de-test-assez-long-pour-hs256-0123456789',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    async findAccount(_ctx, id) {
      const a = ACCOUNTS[id];
      if (!a) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...a }) };
    },
    claims: { openid: ['sub'], email: ['email'], given_name: ['given_name'], usual_name: ['usual_name'] },
    acrValues: ['eidas1'],
    features: { devInteractions: { enabled: true }, jwtUserinfo: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['cle-de-test-des-cookies'] },
  });
  const seen = [];
  const callback = provider.callback();
  http.on('request', (req, res) => {
    seen.push(new URL(req.url, issuer));
    callback(req, res);
  });
  return { issuer, seen, close: () => new Promise((r) => http.close(r)) };
}

/** A cookie jar for fetch. */
/**
 * The settings of a server that signs moderators in through the local provider (`startProvider`) and mails through the
 * local SMTP server (`startSmtp`), its public address being `publicUrl` (base path included).
 */
export function signInAndMailEnv({ publicUrl, provider, smtp }) {
  return {
    RELAIS_PUBLIC_URL: publicUrl,
    RELAIS_OIDC_ISSUER: provider.issuer,
    RELAIS_OIDC_CLIENT_ID: 'relais-test',
    RELAIS_OIDC_CLIENT_SECRET: 'un-secret-de-test-assez-long-pour-hs256-0123456789',
    RELAIS_OIDC_USERINFO_ALG: 'RS256',
    RELAIS_OIDC_ACR_VALUES: 'eidas1',
    RELAIS_SMTP_URL: `${smtp.url}?ignoreTLS=true`,
    RELAIS_SMTP_FROM: 'Annuaire de la Nièvre <annuaire@nievre.example.fr>',
  };
}

export class Jar {
  constructor() {
    this.cookies = new Map();
  }
  take(res) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (!value || /max-age=0/i.test(c) || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Drives the provider from its authorization URL to the redirect to the app's callback: its login page (the account
 * id), then its consent page. Returns the callback URL (with `code` and `state`).
 */
export async function driveProvider(authorizationUrl, account, callbackPrefix) {
  const jar = new Jar();
  let url = authorizationUrl;
  for (let i = 0; i < 20; i++) {
    const r = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(r);
    if (r.status >= 300 && r.status < 400) {
      url = new URL(r.headers.get('location'), url).href;
      if (url.startsWith(callbackPrefix)) return url;
      continue;
    }
    const html = await r.text();
    assert.equal(r.status, 200, `page du fournisseur : ${r.status} ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    assert.ok(action && prompt, 'formulaire du fournisseur introuvable');
    const form = prompt === 'login' ? { prompt, login: account, password: 'peu-importe' } : { prompt };
    const p = await fetch(new URL(action, url), { method: 'POST', redirect: 'manual', headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
    jar.take(p);
    assert.ok(p.status >= 300 && p.status < 400, `envoi du formulaire ${prompt} : ${p.status}`);
    url = new URL(p.headers.get('location'), url).href;
    if (url.startsWith(callbackPrefix)) return url;
  }
  throw new Error('le fournisseur n’a pas renvoyé vers le rappel');
}
