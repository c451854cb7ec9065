/** @relais/contributions: `<relais-contributions>` (registered on import), the pivot actor's moderation of the directory. */
import './define.js';

export { RelaisContributions } from './contributions.js';
export { RelaisContributionDecidedEvent, RelaisConfirmationRequestedEvent } from './events.js';
export type { Contribution, FieldChange, FreshnessItem, Moderator, ContributionStats } from '@relais/core';
