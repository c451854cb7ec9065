import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@relais/liaison/define.js';
import { controlsFor } from './controls.js';

const { args, argTypes, template, withProperties } = controlsFor('relais-liaison-form');

const meta: Meta = {
  title: 'Widgets/Fiche de liaison (relais-liaison-form)',
  component: 'relais-liaison-form',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Remplir, garder, imprimer et envoyer une fiche de liaison avec l’accord de la personne, sans jamais perdre un mot : chaque modification est chiffrée et enregistrée sur l’appareil. L’hôte fournit le point de réception (hébergement HDS, notice d’information, durée de conservation).',
      },
    },
  },
  args: { ...args, 'template-id': 'dlu-domicile', 'db-name': 'storybook-dlu' },
  argTypes,
  render: (a) => template(a),
};
export default meta;
type Story = StoryObj;

/** What the site must tell the person (RGPD art. 13): without it the form sends nothing. Fictitious values. */
const NOTICE = {
  controller: 'CCAS de démonstration (fictif)',
  contact: 'contact@ccas-demo.example, 03 86 00 00 01',
  dpo: 'dpo@ccas-demo.example',
  retention: '2 ans après la fin de l’accompagnement',
  receiver: 'Département de démonstration (fictif), service APA',
  access: 'les travailleurs sociaux de l’équipe APA',
};

/** DLU-Dom (« fiche frigo »). */
export const FicheFrigo: Story = { name: 'DLU-Dom (fiche frigo)' };
/** Orientation entre professionnels. */
export const Orientation: Story = { args: { 'template-id': 'orientation', 'db-name': 'storybook-orientation' } };
/** Poste partagé (France Services, CCAS) : rien n’est gardé au-delà de l’onglet. */
export const PostePartage: Story = { name: 'Poste partagé', args: { 'template-id': 'orientation', device: 'shared', 'db-name': 'storybook-shared' } };
/** Protégée par une phrase secrète, jamais enregistrée. */
export const PhraseSecrete: Story = { name: 'Phrase secrète', args: { 'template-id': 'orientation', 'passphrase-mode': true, 'db-name': 'storybook-pass' } };

/** Drives the element like a person would (used by the stories below). */
const drive = async (root: ShadowRoot, steps: Array<['type', string, string] | ['pick', string] | ['click', RegExp] | ['wait', string]>) => {
  const until = async (sel: string) => {
    for (let i = 0; i < 100 && !root.querySelector(sel); i++) await new Promise((r) => setTimeout(r, 50));
  };
  for (const s of steps) {
    if (s[0] === 'wait') await until(s[1]);
    else if (s[0] === 'type') {
      await until(`#${s[1]}`);
      const input = root.querySelector<HTMLInputElement>(`#${s[1]}`)!;
      input.value = s[2];
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    } else if (s[0] === 'pick') {
      await until(`#${s[1]}`);
      root.querySelector<HTMLInputElement>(`#${s[1]}`)!.click();
    } else {
      const b = [...root.querySelectorAll('button')].find((x) => s[1].test(x.textContent ?? ''));
      b?.click();
    }
    await new Promise((r) => setTimeout(r, 60));
  }
};
const form = (canvas: HTMLElement) => canvas.querySelector('relais-liaison-form')!.shadowRoot!;

/** Erreurs : le résumé des erreurs prend le focus et renvoie à chaque champ. */
export const Erreurs: Story = {
  args: { 'template-id': 'orientation', 'db-name': 'storybook-errors' },
  play: async ({ canvasElement }) => {
    const root = form(canvasElement);
    await drive(root, [['wait', '#tasks-title'], ['click', /Effacer mes données/], ['click', /Qui oriente/], ['type', 'f-emetteur_telephone', '12 34'], ['click', /Enregistrer et continuer/]]);
  },
};

/** Hors ligne : la fiche attend dans la file d’envoi, et l’accord peut être retiré. */
export const EnvoiEnAttente: Story = {
  name: 'Envoi en attente (hors ligne)',
  args: { 'template-id': 'orientation', 'db-name': 'storybook-offline', endpoint: 'http://127.0.0.1:9/fiches', notice: JSON.stringify(NOTICE) },
  play: async ({ canvasElement }) => {
    const root = form(canvasElement);
    await drive(root, [
      ['wait', '#tasks-title'],
      ['click', /Effacer mes données/],
      ['click', /Qui oriente/],
      ['type', 'f-emetteur_structure', 'CCAS (fictif)'],
      ['type', 'f-emetteur_nom', 'Claire Petit'],
      ['type', 'f-emetteur_telephone', '03 53 01 12 34'],
      ['click', /Enregistrer et continuer/],
      ['type', 'f-destinataire_structure', 'Plateforme de répit (fictive)'],
      ['click', /Enregistrer et continuer/],
      ['type', 'f-personne_nom', 'Jeanne Martin (fictive)'],
      ['pick', 'f-personne_contact-2'],
      ['click', /Enregistrer et continuer/],
      ['type', 'f-situation', 'Vit seule ; sa fille habite à 40 km (fictif).'],
      ['click', /Enregistrer et continuer/],
      ['type', 'f-motif', 'Répit pour l’aidant'],
      ['pick', 'f-besoins-2'],
      ['click', /Enregistrer et continuer/],
      ['pick', 'f-personne_informee'],
      ['click', /Enregistrer et continuer/],
      ['click', /Enregistrer et continuer/],
      ['click', /Relire la fiche/],
      ['click', /accord de partage/],
      ['pick', 'c-covered'],
      ['pick', 'c-regime'],
      ['pick', 'c-by'],
      ['pick', 'c-decision'],
      ['pick', 'c-method'],
      ['type', 'c-collectedBy', 'Claire Petit, CESF'],
      ['click', /Enregistrer la réponse/],
    ]);
  },
};

/**
 * Le partage : les professionnels de l’art. R1110-2 d’abord, puis le cadre (hors équipe, équipe de soins, échange ;
 * protection de l’enfance pour un mineur ; sinon accord exprès) ; la personne reçoit l’information (CSP R1110-3,
 * D1110-3-1, RGPD art. 13, avec la notice du site), imprimable, et voit les parties transmises ; une seule réponse est enregistrée,
 * avec son mode de recueil et son auteur. Sous tutelle, le tuteur n’est proposé qu’avec la condition de l’article 459
 * du Code civil.
 */
export const Partage: Story = {
  name: 'Partage : cadre, information et réponse',
  args: { 'db-name': 'storybook-partage', endpoint: 'http://127.0.0.1:9/fiches', notice: JSON.stringify(NOTICE) },
  play: async ({ canvasElement }) => {
    const root = form(canvasElement);
    await drive(root, [
      ['wait', '#tasks-title'],
      ['click', /Effacer mes données/],
      ['click', /^Identité et lieu de vie$/],
      ['type', 'f-nom_naissance', 'MARTIN (fictive)'],
      ['type', 'f-prenoms', 'Jeanne'],
      ['type', 'f-date_naissance', '1941-03-27'],
      ['type', 'f-adresse', '12 rue des Forges, 58500 Clamecy'],
      ['click', /Enregistrer et continuer/],
      ['pick', 'f-mesure_protection-3'],
      ['type', 'f-mandataire', 'UDAF (fictive), 03 86 00 00 00'],
      ['click', /Enregistrer et continuer/],
      ['type', 'f-medecin_traitant', 'Dr Durand (fictif), 03 86 00 00 00'],
      ['click', /Enregistrer et continuer/],
      ['type', 'f-allergies', 'aucune connue'],
      ['click', /Enregistrer et continuer/],
      ['click', /Enregistrer et continuer/],
      ['click', /Enregistrer et continuer/],
      ['click', /Enregistrer et continuer/],
      ['type', 'f-rempli_par', 'Jeanne Martin avec sa fille'],
      ['type', 'f-date_mise_a_jour', '2026-11-02'],
      ['click', /Revenir à la liste des parties/],
      ['click', /Relire la fiche/],
      ['click', /accord de partage/],
      ['pick', 'c-recipient'],
      ['pick', 'c-covered'],
      ['pick', 'c-regime'],
    ]);
  },
};

/** La fiche gardée au domicile : le code d’accès est imprimé seulement si le site l’a prévu (`home-print-access`). */
export const FicheDomicile: Story = {
  name: 'Fiche papier gardée au domicile (code d’accès imprimé)',
  args: { 'db-name': 'storybook-domicile', 'home-print-access': true },
};

/** Un modèle de fiche inutilisable est expliqué à la place du formulaire, jamais remplacé par une autre fiche. */
export const ModeleInutilisable: Story = { name: 'Modèle inutilisable', args: { 'db-name': 'storybook-invalid' }, render: withProperties({ template: { id: 'fiche-locale', title: 'Fiche locale' } }) };
