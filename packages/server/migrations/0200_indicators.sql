-- Indicators (issue 20, contract packages/core/indicators-openapi.json): daily aggregate counts of the measurement
-- events (packages/core/measurement-v1.schema.json), and nothing else. No IP address, no row per event, no time finer
-- than the day: a batch of events is reduced in memory to cells (kind + dimensions) and added to these counters in
-- one transaction. The day is the event's `jour`, clamped by the server to yesterday or today (Europe/Paris), so that
-- a client cannot write into older days. Kept without time limit: aggregates are not personal data.
create table indicator_counts (
  day date not null,
  kind text not null check (kind in ('recherche', 'suivi', 'eligibilite', 'fiche', 'parcours')),
  -- the cell's dimensions, identifiers of the SDK's reference lists only (besoin, zone, aide, statut, modèle…)
  dims jsonb not null,
  n int not null check (n > 0),
  primary key (day, kind, dims)
);
