import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@relais/indicators/define.js';
import { nationalCatalogue } from '@relais/eligibility';
import { controlsFor } from './controls.js';
// an answer of GET /indicateurs that follows the contract (checked by packages/indicators/test/node and the test double)
import nievre from '../packages/indicators/test/fixtures/nievre.json' with { type: 'json' };
import nievreLabels from '../packages/indicators/test/fixtures/nievre-labels.json' with { type: 'json' };

const { args, argTypes, template, withProperties } = controlsFor('relais-indicators');

/** The aides' names from the national catalogue, the liaison and pathway templates' names as the site would give them. */
const labels: Record<string, string> = { ...Object.fromEntries(nationalCatalogue.benefits.map((b) => [b.id, b.label])), ...nievreLabels };

const meta: Meta = {
  title: 'Widgets/Indicateurs (relais-indicators)',
  component: 'relais-indicators',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Le tableau de bord du département, sans suivre personne : besoins non couverts par EPCI (carte et tableau), besoins les plus recherchés, éligibilité, fiches de liaison, étapes de parcours en retard, fraîcheur de l’annuaire, contributions. Chaque graphique reprend un tableau (son équivalent accessible) et chaque section se télécharge en CSV. Une case de moins de k événements est masquée : « moins de k ».',
      },
    },
  },
  args: { ...args, departement: '58' },
  argTypes,
  render: (a) => template(a),
};
export default meta;
type Story = StoryObj;

/** Une année de la Nièvre (données de démonstration suivant le contrat `GET /indicateurs`). */
export const Nievre: Story = { name: 'Nièvre — 12 mois', render: withProperties({ data: nievre, labels }) };
/** Sans serveur joignable : le message dit pourquoi, en français, avec « Réessayer ». */
export const ServeurIndisponible: Story = { name: 'Serveur indisponible', args: { endpoint: '/api-absente', du: '2026-01-01', au: '2026-06-30' } };
