import { defineElement } from '@relais/core';
import { RelaisLiaisonForm } from './liaison-form.js';

defineElement('relais-liaison-form', RelaisLiaisonForm);

declare global {
  interface HTMLElementTagNameMap {
    'relais-liaison-form': RelaisLiaisonForm;
  }
}
