import type { Message } from '@relais/core';
import type { FreshnessMessageKey } from './freshness-messages.js';

type P = Record<string, unknown>;

/** English of the freshness badge, the sort and the suggestion button: its own chunk, loaded only where the element speaks English. */
export const en: Partial<Record<FreshnessMessageKey, Message>> = {
  open: 'Report an error or suggest an update',
  producer: (p: P) => `Correct the entry directly with its producer (${p.host})`,
  newWindow: 'new window',
  stale: 'To be checked',
  staleHint: (p: P) => `Entry not confirmed for more than ${p.n} months: call before going.`,
  verified: 'Recently checked entries',
  loadFailed: 'The form could not be loaded: try again.',
};
