import { defineElement } from '@relais/core';
import { RelaisIndicators } from './indicators.js';

defineElement('relais-indicators', RelaisIndicators);

declare global {
  interface HTMLElementTagNameMap {
    'relais-indicators': RelaisIndicators;
  }
}
