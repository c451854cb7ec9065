/** The events of `<relais-contributions>`: ids and the decision only, never the content of a suggestion. */
import type { Champ } from '@relais/core';

/** `relais-contribution-decided`: a suggestion was accepted or rejected. Ids and the decision only, never its content. */
export class RelaisContributionDecidedEvent extends Event {
  static readonly eventName = 'relais-contribution-decided';
  constructor(
    readonly contributionId: string,
    readonly serviceId: string,
    readonly decision: 'acceptee' | 'refusee',
    /** The fields applied (acceptance), empty for a rejection. */
    readonly champs: readonly Champ[],
  ) {
    super(RelaisContributionDecidedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** `relais-confirmation-requested`: a structure was sent a one-time confirmation link for a service (its id only). */
export class RelaisConfirmationRequestedEvent extends Event {
  static readonly eventName = 'relais-confirmation-requested';
  constructor(readonly serviceId: string) {
    super(RelaisConfirmationRequestedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'relais-contribution-decided': RelaisContributionDecidedEvent;
    'relais-confirmation-requested': RelaisConfirmationRequestedEvent;
  }
}
