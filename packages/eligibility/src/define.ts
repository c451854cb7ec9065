import { defineElement } from '@relais/core';
import { RelaisEligibility } from './eligibility.js';

defineElement('relais-eligibility', RelaisEligibility);

declare global {
  interface HTMLElementTagNameMap {
    'relais-eligibility': RelaisEligibility;
  }
}
