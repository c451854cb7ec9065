import { defineElement } from '@relais/core';
import { RelaisDirectory } from './directory.js';

defineElement('relais-directory', RelaisDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'relais-directory': RelaisDirectory;
  }
}
