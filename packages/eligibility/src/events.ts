/** The events of `<relais-eligibility>`: benefit ids and statuses only, never the answers. */
import type { BenefitResult } from './engine.js';

/** `relais-result`: results are shown; carries benefit ids and statuses only, never the answers. */
export class RelaisResultEvent extends Event {
  static readonly eventName = 'relais-result';
  constructor(
    readonly results: ReadonlyArray<{ id: string; status: BenefitResult['status'] }>,
    /** The person's area rounded to the EPCI (SIREN) or département of the commune answered, never the commune; null when none was given. */
    readonly area: { epci: string | null; departement: string } | null = null,
  ) {
    super(RelaisResultEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'relais-result': RelaisResultEvent;
  }
}
