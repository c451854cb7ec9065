import { defineElement } from '@relais/core';
import { RelaisMap } from './map.js';

defineElement('relais-map', RelaisMap);

declare global {
  interface HTMLElementTagNameMap {
    'relais-map': RelaisMap;
  }
}
