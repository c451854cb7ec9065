-- The liaison receiver (@relais/server src/liaison): partners who send, recipient structures who read, the sheets
-- (encrypted: AES-256-GCM, key from the environment), and an access log without personal data.

-- A partner (a CCAS, a France Services, the département's own site) sends with its own bearer token: only its SHA-256.
CREATE TABLE liaison_partners (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  rate_per_minute integer NOT NULL DEFAULT 30 CHECK (rate_per_minute > 0),
  quota_per_day integer NOT NULL DEFAULT 200 CHECK (quota_per_day > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- A recipient structure reads the sheets of the partners it names (and of the templates it names, all when NULL).
CREATE TABLE liaison_recipients (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  name text NOT NULL,
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  partners text[] NOT NULL,
  templates text[],
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- One row per idempotency key: the primary key makes a sheet stored once, whatever the retries and instances.
CREATE TABLE liaison_sheets (
  id uuid PRIMARY KEY,
  partner_id text NOT NULL,
  body_sha256 text NOT NULL,
  sheet_sha256 text NOT NULL,
  template text NOT NULL,
  received_at timestamptz NOT NULL,
  kid text NOT NULL,
  iv bytea NOT NULL,
  tag bytea NOT NULL,
  data bytea NOT NULL
);
CREATE INDEX liaison_sheets_partner_received ON liaison_sheets (partner_id, received_at);
CREATE INDEX liaison_sheets_received ON liaison_sheets (received_at);

-- Who did what, when: actor ids and sheet ids only (no content, no name, no IP address).
CREATE TABLE liaison_access_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('partner', 'anonymous', 'recipient', 'system')),
  actor_id text,
  action text NOT NULL,
  status integer NOT NULL,
  sheet_id uuid
);
CREATE INDEX liaison_access_log_actor_at ON liaison_access_log (actor_kind, actor_id, at);
CREATE INDEX liaison_access_log_at ON liaison_access_log (at);
