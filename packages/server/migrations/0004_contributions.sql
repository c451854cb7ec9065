-- Contributions to the directory (@relais/server src/contributions, contract packages/core/contributions-openapi.json):
-- public suggestions, moderation by the pivot actor of each département (OpenID Connect sessions), history of the
-- changes, one-time confirmation links sent to the structures, and counts per structure. A suggestion never changes a
-- record: only an accepted one does, and only on the département's own records.

-- A service whose closure (« ce service n’existe plus ») was accepted: the row stays (history, counts), the search and
-- GET /services/{id} no longer show it. A later import does not reopen it.
alter table directory_services add column closed_at timestamptz;

-- Who moderates which départements: an OpenID Connect subject (`sub`) or an e-mail address (lower case), as the
-- identity provider gives them (ProConnect: the agent's e-mail).
create table contrib_moderators (
  identifiant text primary key,
  kind text not null check (kind in ('sub', 'courriel')),
  departements text[] not null check (cardinality(departements) > 0),
  created_at timestamptz not null default now()
);

-- One suggestion: the changes with the value the record had when it was received (`avant`), who writes (a kind, never
-- a name), an optional contact (erased once the suggestion is decided), and the decision.
create table contrib_suggestions (
  id uuid primary key,
  service_id text not null,
  structure_id text not null,
  departement text,
  auteur text not null check (auteur in ('usager', 'professionnel', 'structure')),
  -- [{ "champ", "avant", "apres" }]
  changements jsonb not null,
  commentaire text,
  contact text,
  recu_le timestamptz not null default now(),
  statut text not null default 'en_attente' check (statut in ('en_attente', 'acceptee', 'refusee')),
  decide_par text,
  decide_par_sub text,
  decide_le timestamptz,
  motif text,
  champs_appliques text[]
);
create index contrib_suggestions_queue on contrib_suggestions (departement, statut, recu_le);
create index contrib_suggestions_service on contrib_suggestions (service_id);

-- What changed on a record, who did it and when (a moderator's name and subject, or « la structure »).
create table contrib_history (
  id bigint generated always as identity primary key,
  service_id text not null,
  le timestamptz not null default now(),
  par text not null,
  par_sub text,
  type text not null check (type in ('modification', 'confirmation')),
  champ text,
  avant text,
  apres text,
  contribution_id uuid references contrib_suggestions (id) on delete set null
);
create index contrib_history_service on contrib_history (service_id, le desc);

-- One-time links sent to a structure: only the SHA-256 of the token, 30 days, used once.
create table contrib_confirmation_tokens (
  token_sha256 text primary key check (token_sha256 ~ '^[0-9a-f]{64}$'),
  service_id text not null,
  demande_par_sub text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index contrib_confirmation_tokens_service on contrib_confirmation_tokens (service_id, created_at desc);

-- The sign-in in progress (state, nonce, PKCE verifier), keyed by the SHA-256 of a random id held in a cookie; ten
-- minutes.
create table contrib_logins (
  id_sha256 text primary key,
  state text not null,
  nonce text not null,
  code_verifier text,
  retour text not null,
  expires_at timestamptz not null
);

-- Moderators' sessions: only the SHA-256 of the cookie's token; the territories are read from contrib_moderators at
-- each request (removing a moderator takes effect at once).
create table contrib_sessions (
  token_sha256 text primary key check (token_sha256 ~ '^[0-9a-f]{64}$'),
  sub text not null,
  nom text not null,
  courriel text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index contrib_sessions_expires on contrib_sessions (expires_at);

-- Counts per structure (the « contributions par organisation » indicator), kept in the same transactions as the
-- suggestions and decisions, so that they survive a purge of old suggestions.
create table contrib_counts (
  structure_id text not null,
  departement text not null default '',
  suggestions int not null default 0,
  acceptees int not null default 0,
  refusees int not null default 0,
  confirmations int not null default 0,
  usager int not null default 0,
  professionnel int not null default 0,
  structure int not null default 0,
  primary key (structure_id, departement)
);
