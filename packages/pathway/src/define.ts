import { defineElement } from '@relais/core';
import { RelaisPathway } from './pathway.js';

defineElement('relais-pathway', RelaisPathway);

declare global {
  interface HTMLElementTagNameMap {
    'relais-pathway': RelaisPathway;
  }
}
