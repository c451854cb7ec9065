import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@relais/contributions/define.js';
import { controlsFor } from './controls.js';

/**
 * A static fixture of the contributions API (packages/core/contributions-openapi.json), answered in the page for the
 * two story addresses below only: Storybook has no server. The shapes are the contract's (the browser tests run the
 * element against a double that validates every request and answer against it: tests/server/contributions-double.mjs).
 */
const SIGNED_IN = 'https://contributions.exemple.fr/api';
const SIGNED_OUT = 'https://contributions.exemple.fr/deconnecte';
const day = (monthsAgo: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() - monthsAgo);
  return d.toISOString().slice(0, 10);
};
const queue = [
  {
    id: '0b8f7a52-6f0e-4c1e-9c55-2a8f3b1e0a01',
    service_id: 'relais-demo--s000001-1',
    service_nom: 'Accueil social et accès aux droits',
    structure_nom: 'CCAS de Cercy-la-Tour',
    source: 'relais-demo',
    departement: '58',
    auteur: 'usager',
    recu_le: '2026-11-28T09:12:00Z',
    statut: 'en_attente',
    changements: [
      { champ: 'telephone', libelle: 'Téléphone', avant: '03 53 01 88 54', apres: '03 86 11 22 33' },
      { champ: 'horaires_accueil', libelle: 'Horaires', avant: 'Mo-Fr 08:30-12:30,14:00-17:30; PH off', apres: 'Mo-Fr 09:00-12:00' },
    ],
    commentaire: 'Le numéro a changé en septembre.',
    contact: null,
    lien_source: null,
    modifiable: true,
  },
  {
    id: '0b8f7a52-6f0e-4c1e-9c55-2a8f3b1e0a02',
    service_id: 'dora--svc-1',
    service_nom: 'Aide administrative',
    structure_nom: 'France services de Clamecy',
    source: 'dora',
    departement: '58',
    auteur: 'professionnel',
    recu_le: '2026-11-29T15:40:00Z',
    statut: 'en_attente',
    changements: [{ champ: 'ferme', libelle: 'Le service n’existe plus', avant: null, apres: '' }],
    commentaire: null,
    contact: 'conseillere@ccas.exemple.fr',
    lien_source: 'https://dora.inclusion.beta.gouv.fr/services/svc-1',
    modifiable: false,
  },
];
const stale = [
  { service_id: 'relais-demo--s000002-1', service_nom: 'Accueil social et accès aux droits', structure_nom: 'CCAS de Challuy', date_maj: day(30), a_un_courriel: true, demande_envoyee_le: null },
  { service_id: 'relais-demo--s000003-1', service_nom: 'Portage de repas', structure_nom: 'CIAS du Haut Nivernais', date_maj: day(18), a_un_courriel: true, demande_envoyee_le: null },
  { service_id: 'relais-demo--s000004-1', service_nom: 'Point info seniors', structure_nom: 'Mairie de Lormes', date_maj: day(14), a_un_courriel: false, demande_envoyee_le: null },
];
const stats = {
  par_structure: [
    { structure_id: 'relais-demo--s000001', structure_nom: 'CCAS de Cercy-la-Tour', suggestions: 4, acceptees: 2, refusees: 1, confirmations: 1 },
    { structure_id: 'relais-demo--s000002', structure_nom: 'CCAS de Challuy', suggestions: 1, acceptees: 0, refusees: 0, confirmations: 1 },
  ],
  par_auteur: { usager: 3, professionnel: 1, structure: 1 },
};
const problem = (status: number, title: string, detail: string) => new Response(JSON.stringify({ status, title, detail }), { status, headers: { 'content-type': 'application/problem+json' } });
const ok = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function answer(url: URL, method: string): Response {
  if (url.href.startsWith(SIGNED_OUT)) return problem(401, 'Non connecté', 'Connectez-vous pour modérer les contributions.');
  const path = url.pathname.replace(/^\/api/, '');
  const dep = url.searchParams.get('departement');
  if (dep && dep !== '58') return problem(403, 'Territoire non autorisé', `Vous ne modérez pas le département ${dep}.`);
  if (path === '/auth/moi') return ok({ sub: 'demo', nom: 'Camille Martin', courriel: null, territoires: ['58'] });
  if (path === '/auth/logout') return new Response(null, { status: 204 });
  if (path === '/contributions') return ok({ items: queue, total: queue.length, page: 1, pages: 1 });
  if (/^\/contributions\/[^/]+\/(acceptation|refus)$/.test(path)) return ok({ contribution: { ...queue[0], statut: path.endsWith('refus') ? 'refusee' : 'acceptee' }, ...(path.endsWith('refus') ? {} : { service: {} }) });
  if (path === '/fraicheur') {
    const cut = day(Number(url.searchParams.get('mois') ?? 12));
    const items = stale.filter((s) => s.date_maj < cut);
    return ok({ items, total: items.length, page: 1, pages: 1 });
  }
  if (/^\/services\/[^/]+\/demande-confirmation$/.test(path) && method === 'POST') return ok({ envoyee_a: 'c***@ccas-challuy.exemple.fr', expire_le: new Date(Date.now() + 14 * 86400000).toISOString() }, 202);
  if (path === '/statistiques/contributions') return ok(stats);
  return problem(404, 'Introuvable', 'Chemin inconnu.');
}

const realFetch = window.fetch.bind(window);
if (!(window as unknown as { __relaisContribFixture?: boolean }).__relaisContribFixture) {
  (window as unknown as { __relaisContribFixture?: boolean }).__relaisContribFixture = true;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (href.startsWith(SIGNED_IN) || href.startsWith(SIGNED_OUT)) return Promise.resolve(answer(new URL(href), init?.method ?? 'GET'));
    return realFetch(input, init);
  };
}

const { args, argTypes, template } = controlsFor('relais-contributions');

const meta: Meta = {
  title: 'Widgets/Contributions (relais-contributions)',
  component: 'relais-contributions',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'L’espace de l’acteur pivot (DAC, département, CCAS) pour un annuaire collaboratif et à jour : les propositions à relire champ par champ (avant, après ; accepter les informations cochées ou refuser avec un motif), les fiches à vérifier (« Demander une confirmation » envoie à la structure un lien à usage unique) et les contributions par structure. Ici, une copie statique des réponses du contrat remplace le serveur.',
      },
    },
  },
  args: { ...args, endpoint: SIGNED_IN },
  argTypes,
  render: (a) => template(a),
};
export default meta;
type Story = StoryObj;

/** Connectée : deux propositions à relire, dont une fiche synchronisée d’une autre source (à corriger chez son producteur). */
export const Connecte: Story = { name: 'Connecté' };
/** Sans session : le lien « Se connecter » mène à la connexion OpenID Connect du serveur, retour sur la page. */
export const Deconnecte: Story = { name: 'Déconnecté', args: { endpoint: SIGNED_OUT } };
