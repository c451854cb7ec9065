/** The account line: « Se connecter » when nobody is signed in, else who is and the territories they moderate. */
import { html, nothing, type TemplateResult } from 'lit';
import { departementName, type Moderator } from '@relais/core';
import type { T } from './messages.js';

/** What the account line shows. */
export interface AccountView {
  t: T;
  /** The person signed in (null: nobody). */
  me: Moderator | null;
  /** Where « Se connecter » leads, when the person is signed out; null otherwise. */
  loginUrl: string | null;
  /** The session has just expired (said above « Se connecter »). */
  expired: boolean;
  signOut: () => void;
}

export function renderAccount({ t, me, loginUrl, expired, signOut }: AccountView): TemplateResult | typeof nothing {
  if (loginUrl !== null) {
    return html`<div class="account" part="account">
      ${expired ? html`<p class="error-text">${t('expired')}</p>` : nothing}
      <p>${t('signedOut')}</p>
      <a class="sign-in button-link" part="button" href=${loginUrl}>${t('signIn')}</a>
    </div>`;
  }
  if (!me) return nothing;
  const list = me.territoires.map((c) => (departementName(c) ? `${departementName(c)} (${c})` : c)).join(', ');
  return html`<div class="account" part="account">
    <p><strong>${t('signedInAs', { nom: me.nom })}</strong><br />${me.territoires.length ? t('territories', { list }) : t('noTerritory')}</p>
    <button type="button" part="button" class="secondary" @click=${() => signOut()}>${t('signOut')}</button>
  </div>`;
}
