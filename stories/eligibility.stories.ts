import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@relais/eligibility/define.js';
import { controlsFor } from './controls.js';

const { args, argTypes, template, withProperties } = controlsFor('relais-eligibility');

const meta: Meta = {
  title: 'Widgets/Éligibilité (relais-eligibility)',
  component: 'relais-eligibility',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          '« Suis-je éligible ? » : quelques questions, une à la fois, puis les aides probables, à vérifier et non applicables, avec le pourquoi de chaque critère, une estimation et où faire la demande. Tout est calculé dans le navigateur ; les réponses ne sont jamais envoyées.',
      },
    },
  },
  args: { ...args, date: '2026-11-23' },
  argTypes,
  render: (a) => template(a),
};
export default meta;
type Story = StoryObj;

/** Questionnaire au départ. */
export const Questionnaire: Story = {};
/** En FALC (facile à lire et à comprendre). */
export const FALC: Story = { args: { falc: true } };

/** Résultats pour une personne âgée à domicile (réponses données par `presetAnswers`). */
export const PersonneAgeeADomicile: Story = {
  name: 'Personne âgée à domicile',
  render: withProperties({ presetAnswers: { 'aidant.est_aidant': false, 'demandeur.age': 82, 'demandeur.gir': 3, 'demandeur.lieu_de_vie': 'domicile', 'demandeur.residence_stable_france': true, 'demandeur.en_couple': false, 'foyer.ressources_mensuelles': 950, 'demandeur.depcom': '58079' } }),
};

/** Résultats pour un adulte en situation de handicap. */
export const AdulteHandicape: Story = {
  name: 'Adulte en situation de handicap',
  render: withProperties({ presetAnswers: { 'aidant.est_aidant': false, 'demandeur.age': 35, 'demandeur.taux_incapacite': '50-79', 'demandeur.rsdae': true, 'demandeur.difficultes_activites': 'deux-graves', 'demandeur.residence_stable_france': true, 'demandeur.en_couple': false, 'foyer.ressources_mensuelles': 400 } }),
};

/** Résultats pour un aidant qui travaille. */
export const Aidant: Story = {
  render: withProperties({ presetAnswers: { 'aidant.est_aidant': true, 'aidant.activite_professionnelle': true, 'demandeur.age': 79, 'demandeur.gir': 2, 'demandeur.lieu_de_vie': 'domicile', 'demandeur.depcom': '58079' } }),
};

/** Aides locales : un CCAS et une variante départementale, filtrées par territoire. */
export const AidesLocales: Story = {
  name: 'Aides locales',
  args: { catalogues: './catalogues/ccas-val-de-nievre.json,./catalogues/departement-58-aide-menagere.json' }, render: withProperties({ presetAnswers: { 'aidant.est_aidant': true, 'aidant.activite_professionnelle': false, 'demandeur.age': 70, 'demandeur.gir': 5, 'demandeur.lieu_de_vie': 'domicile', 'foyer.ressources_mensuelles': 1000, 'demandeur.en_couple': false, 'demandeur.depcom': '58079' } }),
};

/** Les aides locales ne se chargent pas : les aides nationales restent proposées et les réponses sont gardées ; « Réessayer » quand l’erreur peut passer. */
export const AidesLocalesIndisponibles: Story = { name: 'Aides locales indisponibles', args: { catalogues: './catalogues/introuvable.json' } };
