import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@relais/pathway/define.js';
import { html } from 'lit';
import '@relais/core/provider.js';
import '@relais/directory/define.js';
import { pathwayTemplates } from '@relais/pathway';
import { controlsFor } from './controls.js';

const { args, argTypes, template, withProperties } = controlsFor('relais-pathway');

const meta: Meta = {
  title: 'Widgets/Parcours (relais-pathway)',
  component: 'relais-pathway',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Les étapes d’un parcours (MDPH, PCH, APA, entrée en EHPAD, sortie d’hôpital, protection de l’enfance, RSA) avec les dates, les délais légaux, qui agit et quoi faire maintenant. Un hôte ajoute ses propres modèles (données validées, erreurs en français nommant le champ fautif). Les délais marqués « à vérifier » restent visibles tant que le texte officiel n’a pas été confirmé.',
      },
    },
  },
  args: { ...args, 'template-id': 'mdph', today: '2026-06-01' },
  // the shipped templates as a list, the two layouts as a choice
  argTypes: { ...argTypes, 'template-id': { ...argTypes['template-id'], control: 'select', options: Object.keys(pathwayTemplates) }, layout: { ...argTypes.layout, control: 'inline-radio' } },
  render: (a) => template(a),
};
export default meta;
type Story = StoryObj;

const mdph = [
  { stepId: 'depot', kind: 'done', date: '2026-03-12' },
  { stepId: 'recevabilite', kind: 'done', date: '2026-04-01' },
  { stepId: 'evaluation', kind: 'started', date: '2026-04-10' },
];

/** Demande MDPH en cours d’évaluation. */
export const MDPHEnCours: Story = { name: 'MDPH — en cours', render: withProperties({ events: mdph }) };
/** Plus de 4 mois après le dépôt : la demande est réputée rejetée, le recours est expliqué. */
export const MDPHEnRetard: Story = { name: 'MDPH — délai dépassé', args: { today: '2026-07-20' }, render: withProperties({ events: mdph }) };
/** Une hospitalisation et un déménagement pendant la demande. */
export const Rupture: Story = { render: withProperties({ events: [...mdph, { kind: 'demenagement', date: '2026-04-20' }, { kind: 'hospitalisation', date: '2026-05-25' }] }) };
/** PCH avec une demande en urgence (15 jours ouvrés). */
export const PCH: Story = { args: { 'template-id': 'pch', today: '2026-04-10' }, render: withProperties({ events: [{ stepId: 'demande', kind: 'done', date: '2026-03-20' }, { stepId: 'urgence', kind: 'started', date: '2026-04-01' }] }) };
/** APA à domicile : le silence du département vaut accord. */
export const APA: Story = { args: { 'template-id': 'apa-domicile', today: '2026-11-20' }, render: withProperties({ events: [{ stepId: 'depot', kind: 'done', date: '2026-09-01' }, { stepId: 'complet', kind: 'done', date: '2026-09-10' }, { stepId: 'visite', kind: 'done', date: '2026-09-25' }] }) };
/** Entrée en EHPAD. */
export const EHPAD: Story = { args: { 'template-id': 'ehpad-admission' }, render: withProperties({ events: [{ stepId: 'dossier', kind: 'done', date: '2026-05-02' }, { stepId: 'volet-medical', kind: 'started', date: '2026-05-10' }] }) };
/** Sortie d’hospitalisation. */
export const SortieHopital: Story = { name: 'Sortie d’hôpital', args: { 'template-id': 'sortie-hospitalisation' }, render: withProperties({ events: [{ stepId: 'anticipation', kind: 'done', date: '2026-05-28' }] }) };
/** Protection de l’enfance (professionnels). */
export const ProtectionEnfance: Story = { name: 'Protection de l’enfance', args: { 'template-id': 'protection-enfance' }, render: withProperties({ events: [{ stepId: 'transmission', kind: 'done', date: '2026-04-02' }, { stepId: 'qualification', kind: 'done', date: '2026-04-03' }] }) };
/** RSA, en disposition horizontale compacte. */
export const RSAHorizontal: Story = { name: 'RSA — horizontal', args: { 'template-id': 'rsa', layout: 'horizontal', today: '2026-03-05' }, render: withProperties({ events: [{ stepId: 'orientation', kind: 'done', date: '2026-01-31' }] }) };
/** « Simuler mon parcours » : la personne ne saisit que la date de sa demande. */
export const Simulation: Story = { args: { today: '', simulate: true } };
/** Le dossier (`src`) ne peut pas être chargé : le message dit pourquoi, en français ; « Réessayer » apparaît quand l’erreur peut passer (serveur indisponible, réponse illisible). */
export const DossierIndisponible: Story = { name: 'Dossier indisponible', args: { 'template-id': '', today: '', src: './data/dossier-introuvable.json' } };

/** Avec l’annuaire, dans un fournisseur : « Trouver … » ouvre l’annuaire sur l’acteur de l’étape, près de la commune de la personne (`commune`). */
export const AvecAnnuaire: Story = {
  name: 'Avec l’annuaire',
  args: { 'template-id': 'apa-domicile', today: '2026-11-20', commune: '58079' },
  render: (a) => html`<relais-provider src="./data/nievre.json">${withProperties({ events: [{ stepId: 'depot', kind: 'done', date: '2026-09-01' }, { stepId: 'complet', kind: 'done', date: '2026-09-10' }] })(a)}<relais-directory departements="58" hide-needs></relais-directory></relais-provider>`,
};
