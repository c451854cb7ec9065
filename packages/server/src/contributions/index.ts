/** The contributions to the directory: suggestions, moderation (OpenID Connect), confirmation links, counts. */
export { createContributionRoutes, contributionRoutes, validateSuggestion, MAX_SUGGESTION_BYTES, type ContributionRoutesOptions } from './routes.js';
export { readContributionsConfig, isLoopback, type ContributionsConfig, type OidcSettings, type MailSettings } from './config.js';
export { addModerator, removeModerator, listModerators, moderatorsCommand, OidcClient, SESSION_COOKIE, cookie as contributionCookie } from './auth.js';
export { smtpMailer, confirmationMail, decisionMail, maskEmail, type Mail, type Mailer } from './mail.js';
export { escapeHtml, PAGE_CSP } from './page.js';
export { LIBELLES, todayInFrance } from './store.js';
export { CHAMPS, type Champ, type Contribution } from '@relais/core/headless';
