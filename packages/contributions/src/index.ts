/** @relais/contributions: `<relais-contributions>` (registered on import), the pivot actor's moderation of the directory. */
import './define.js';

export { RelaisContributions, RelaisContributionDecidedEvent, RelaisConfirmationRequestedEvent } from './contributions.js';
export type { Contribution, FieldChange, FreshnessItem, Moderator, ContributionStats } from './api.js';
