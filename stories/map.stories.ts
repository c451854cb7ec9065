import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relais/core/provider.js';
import '@relais/directory/define.js';
import '@relais/map/define.js';
import type { Dataset } from '@relais/core';
import { controlsFor } from './controls.js';

const { args, argTypes, template, withProperties } = controlsFor('relais-map');

/** Dense synthetic national data (20 000 fictional services around the prefectures of France), seeded. */
function denseFrance(n = 20000): Dataset {
  const centres: Array<[number, number]> = [[48.86, 2.35], [45.76, 4.84], [43.3, 5.37], [43.6, 1.44], [47.22, -1.55], [48.58, 7.75], [43.61, 3.88], [44.84, -0.58], [50.63, 3.06], [48.11, -1.68], [49.26, 4.03], [45.19, 5.72], [47.32, 5.04], [46.99, 3.16], [47.9, 1.9], [43.7, 7.27], [45.78, 3.08], [49.44, 1.1], [46.58, 0.34], [48.69, 6.18]];
  let seed = 2026;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
  const kinds = ['ehpad', 'ccas-cias', 'saad', 'ssiad', 'france-services', 'centre-social', 'esat', 'clic'];
  const structures = [];
  const services = [];
  for (let i = 0; i < n; i++) {
    const [la, lo] = centres[i % centres.length]!;
    const r = Math.sqrt(rnd()) * 0.9;
    const a = rnd() * 2 * Math.PI;
    const id = `dense--${i}`;
    structures.push({ source: 'dense', id, nom: `Structure fictive ${i}`, date_maj: '2026-01-01', typologie: kinds[i % kinds.length] });
    services.push({ source: 'dense', id: `${id}-1`, structure_id: id, nom: `Service fictif ${i}`, date_maj: '2026-01-01', latitude: la + r * Math.sin(a), longitude: lo + r * Math.cos(a) * 1.4 });
  }
  return { structures, services };
}

/** Built once: a control change re-renders the story, not 20 000 services. */
let denseData: Dataset | undefined;
const dense = (): Dataset => (denseData ??= denseFrance());

const meta: Meta = {
  title: 'Widgets/Carte (relais-map)',
  component: 'relais-map',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Les services sur une carte Leaflet, regroupés (supercluster), accessibles au clavier, avec une liste de ce qui est affiché toujours disponible. Leaflet n’est chargé que lorsque la carte va être visible. Fond de carte par défaut : « Plan IGN » de la Géoplateforme de l’IGN (données ouvertes, sans clé, attribution affichée ; avec une CSP, autoriser `img-src https://data.geopf.fr`). `tile-url` le remplace ; `tile-url="none"` donne un fond uni sans aucune requête externe. Au clavier, Tab parcourt les repères dans l’ordre de lecture puis quitte la carte ; Entrée ouvre, Échap referme.',
      },
    },
  },
  args: { ...args, src: './data/nievre.json' },
  argTypes,
  render: (a) => template(a),
};
export default meta;
type Story = StoryObj;

/** La Nièvre (données de démonstration), sans fond de carte. */
export const Nievre: Story = { name: 'Nièvre — sans fond de carte' };
/** Centrée sur Clamecy, liste ouverte. */
export const ClamecyListe: Story = { name: 'Clamecy — liste ouverte', args: { commune: '58079', 'list-open': true } };
/** Données nationales denses : 20 000 services fictifs, regroupés. */
export const DonneesDenses: Story = {
  name: 'France — données denses (20 000)',
  args: { src: '' },
  render: (a) => withProperties({ data: dense() })(a),
};

/** Carte et annuaire liés par un fournisseur : les filtres de l’annuaire pilotent la carte. */
export const AvecAnnuaire: Story = {
  name: 'Avec l’annuaire',
  args: { src: '' },
  render: (a) => html`<relais-provider src="./data/nievre.json"><relais-directory departements="58" hide-needs></relais-directory>${template(a)}</relais-provider>`,
};
