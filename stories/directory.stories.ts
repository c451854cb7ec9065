import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relais/core/provider.js';
import '@relais/directory/define.js';
import { createClient, RelaisError, type RelaisClient } from '@relais/core';
import { controlsFor } from './controls.js';

const { args, argTypes, template, withProperties } = controlsFor('relais-directory');

/** A client whose every search fails, to show the error state. */
const failingClient = (): RelaisClient => {
  const c = createClient({ source: 'static', data: { structures: [], services: [] } });
  c.search = () => Promise.reject(new RelaisError('http', { status: 503 }));
  return c;
};

/** A client that answers after a delay, to show the progress state. */
const slowClient = (ms: number): RelaisClient => {
  const c = createClient({ source: 'static', url: './data/nievre.json' });
  const search = c.search.bind(c);
  c.search = (q, o) => new Promise((r) => setTimeout(r, ms)).then(() => search(q, o));
  return c;
};

const meta: Meta = {
  title: 'Widgets/Annuaire (relais-directory)',
  component: 'relais-directory',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Recherche de services sociaux, médico-sociaux et de santé à partir d’un besoin et d’un lieu. Données de démonstration (Nièvre, structures fictives). Dans `<relais-provider>`, partage filtres et sélection avec la carte et reçoit les demandes « où faire la demande ».',
      },
    },
  },
  args: { ...args, src: './data/nievre.json', commune: '58079', departements: '58' },
  argTypes,
  render: (a) => template(a),
};
export default meta;
type Story = StoryObj;

/** Près de Clamecy, grand public. */
export const ParDefaut: Story = { name: 'Par défaut' };

/** Mode professionnel : liste dense, détails partenaires, copie des coordonnées. */
export const Professionnel: Story = { args: { mode: 'pro' } };

/** Libellés FALC (facile à lire et à comprendre). */
export const FALC: Story = { args: { falc: true } };

/** Aucun résultat : le widget explique et propose d’élargir. */
export const AucunResultat: Story = {
  name: 'Aucun résultat',
  args: { src: '', commune: '', departements: '' }, render: withProperties({ data: { structures: [], services: [] } }),
};

/** La source ne répond pas : message en français et bouton Réessayer. */
export const Erreur: Story = {
  args: { src: '', commune: '', departements: '' },
  render: withProperties({ client: failingClient() }),
};

/** Source lente : état de progression après 300 ms. */
export const SourceLente: Story = {
  name: 'Source lente',
  args: { src: '', commune: '' },
  render: withProperties({ client: slowClient(2500) }),
};

/** Dans un fournisseur partagé. */
export const AvecFournisseur: Story = {
  name: 'Avec <relais-provider>',
  args: { src: '', commune: '58194' },
  render: (a) => html`<relais-provider src="./data/nievre.json">${template(a)}</relais-provider>`,
};
