import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@relais/liaison/define.js';

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
  render: () => html`<relais-liaison-form template-id="dlu-domicile" db-name="storybook-dlu"></relais-liaison-form>`,
};
export default meta;
type Story = StoryObj;

/** DLU-Dom (« fiche frigo »). */
export const FicheFrigo: Story = { name: 'DLU-Dom (fiche frigo)' };
/** Orientation entre professionnels. */
export const Orientation: Story = { render: () => html`<relais-liaison-form template-id="orientation" db-name="storybook-orientation"></relais-liaison-form>` };
/** Poste partagé (France Services, CCAS) : rien n’est gardé au-delà de l’onglet. */
export const PostePartage: Story = { name: 'Poste partagé', render: () => html`<relais-liaison-form template-id="orientation" device="shared" db-name="storybook-shared"></relais-liaison-form>` };
/** Protégée par une phrase secrète, jamais enregistrée. */
export const PhraseSecrete: Story = { name: 'Phrase secrète', render: () => html`<relais-liaison-form template-id="orientation" passphrase-mode db-name="storybook-pass"></relais-liaison-form>` };
