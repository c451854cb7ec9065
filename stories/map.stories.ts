import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relais/core/provider.js';
import '@relais/directory/define.js';
import '@relais/map/define.js';

const meta: Meta = {
  title: 'Widgets/Carte (relais-map)',
  component: 'relais-map',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Les services sur une carte Leaflet, regroupés (supercluster), accessibles au clavier, avec une liste de ce qui est affiché toujours disponible. Leaflet n’est chargé que lorsque la carte va être visible. Sans `tile-url`, la carte fonctionne sur un fond uni (aucune requête externe, compatible CSP stricte).',
      },
    },
  },
  args: { commune: '', listOpen: false },
  render: (a) => html`<relais-map src="./data/nievre.json" commune=${a.commune || ''} ?list-open=${a.listOpen}></relais-map>`,
};
export default meta;
type Story = StoryObj;

/** La Nièvre (données de démonstration), sans fond de carte. */
export const Nievre: Story = { name: 'Nièvre — sans fond de carte' };
/** Centrée sur Clamecy, liste ouverte. */
export const ClamecyListe: Story = { name: 'Clamecy — liste ouverte', args: { commune: '58079', listOpen: true } };
/** Carte et annuaire liés par un fournisseur : les filtres de l’annuaire pilotent la carte. */
export const AvecAnnuaire: Story = {
  name: 'Avec l’annuaire',
  render: () => html`<relais-provider src="./data/nievre.json"><relais-directory departements="58" hide-needs></relais-directory><relais-map></relais-map></relais-provider>`,
};
