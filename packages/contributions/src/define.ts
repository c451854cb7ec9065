import { defineElement } from '@relais/core';
import { RelaisContributions } from './contributions.js';

defineElement('relais-contributions', RelaisContributions);

declare global {
  interface HTMLElementTagNameMap {
    'relais-contributions': RelaisContributions;
  }
}
