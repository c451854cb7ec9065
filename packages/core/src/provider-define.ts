import { defineElement } from './element/define.js';
import { RelaisProvider } from './provider.js';

defineElement('relais-provider', RelaisProvider);

declare global {
  interface HTMLElementTagNameMap {
    'relais-provider': RelaisProvider;
  }
}
