/**
 * Typed events of the SDK. All bubble and are composed (they cross shadow roots), and none carries
 * personal data: ids, counts and statuses only.
 */
import type { RelaisErrorKind } from '../errors.js';

const init = { bubbles: true, composed: true } as const;

/** `relais-error`: something failed; `message` is the French sentence shown to the person. */
export class RelaisErrorEvent extends Event {
  static readonly eventName = 'relais-error';
  constructor(
    readonly kind: RelaisErrorKind,
    readonly message: string,
    readonly status?: number,
  ) {
    super(RelaisErrorEvent.eventName, init);
  }
}

/** `relais-data-warning`: records were skipped or values dropped because invalid. */
export class RelaisDataWarningEvent extends Event {
  static readonly eventName = 'relais-data-warning';
  constructor(
    readonly skipped: number,
    readonly warnings: number,
    readonly received: number,
  ) {
    super(RelaisDataWarningEvent.eventName, init);
  }
}

/** `relais-search`: a search ran; carries the number of results, never the words typed. */
export class RelaisSearchEvent extends Event {
  static readonly eventName = 'relais-search';
  constructor(
    readonly total: number,
    readonly filters: { thematiques: readonly string[]; publics: readonly string[]; commune: string | null },
    /** The need tile chosen (`domicile`, `aidants`…), when exactly one is. */
    readonly need?: string,
  ) {
    super(RelaisSearchEvent.eventName, init);
  }
}

/** `relais-select`: a service was chosen (by id). */
export class RelaisSelectEvent extends Event {
  static readonly eventName = 'relais-select';
  constructor(readonly serviceId: string | null) {
    super(RelaisSelectEvent.eventName, init);
  }
}

declare global {
  interface HTMLElementEventMap {
    'relais-error': RelaisErrorEvent;
    'relais-data-warning': RelaisDataWarningEvent;
    'relais-search': RelaisSearchEvent;
    'relais-select': RelaisSelectEvent;
  }
}
