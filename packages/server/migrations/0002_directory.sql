-- The directory: data·inclusion v1 structures and services (normalised by @relais/core, served as stored in `data`),
-- with the columns the search filters, sorts and counts on. Records keep their source; one row per id
-- (data·inclusion ids are `source--local id`), the most recent `date_maj` winning on re-import.

create table directory_imports (
  id bigint generated always as identity primary key,
  -- file name or sync name, never a path with personal data
  origin text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  structures_received int not null default 0,
  services_received int not null default 0,
  inserted int not null default 0,
  updated int not null default 0,
  unchanged int not null default 0,
  older_ignored int not null default 0,
  skipped int not null default 0,
  -- the first data-quality issues (diagnostics of @relais/core), for the operator
  issues jsonb not null default '[]'
);

create table directory_structures (
  id text primary key,
  source text not null,
  nom text not null,
  date_maj date not null,
  typologie text,
  code_insee text,
  latitude double precision,
  longitude double precision,
  data jsonb not null,
  import_id bigint references directory_imports (id) on delete set null,
  updated_at timestamptz not null default now()
);
create index directory_structures_source on directory_structures (source);

create table directory_services (
  id text primary key,
  source text not null,
  structure_id text not null,
  nom text not null,
  date_maj date not null,
  -- filters and facets (OR within a list, AND between lists)
  type text,
  frais text,
  thematiques text[] not null default '{}',
  -- thematique categories (`autonomie` for `autonomie--soins-a-domicile`)
  categories text[] not null default '{}',
  publics text[] not null default '{}',
  modes_accueil text[] not null default '{}',
  zone_eligibilite text[] not null default '{}',
  -- of the structure, copied here: facet and filter without a join
  typologie text,
  -- INSEE code of the service, else of its structure, else postcode
  departement text,
  -- of the service, else of its structure
  latitude double precision,
  longitude double precision,
  -- only `a-distance`: not tied to a place (kept beyond the radius, no distance)
  remote_only boolean not null default false,
  -- taxonomy concepts the synonyms point to: `t:thematique`, `p:public`, `k:typologie`
  concepts text[] not null default '{}',
  -- folded name, for the `name` sort
  name_key text not null,
  -- French full text, accents ignored: A service name, B structure name, C place and labels, D description
  search tsvector not null,
  data jsonb not null,
  import_id bigint references directory_imports (id) on delete set null,
  updated_at timestamptz not null default now()
);
create index directory_services_search on directory_services using gin (search);
create index directory_services_structure on directory_services (structure_id);
create index directory_services_thematiques on directory_services using gin (thematiques);
create index directory_services_categories on directory_services using gin (categories);
create index directory_services_publics on directory_services using gin (publics);
create index directory_services_concepts on directory_services using gin (concepts);
create index directory_services_departement on directory_services (departement);
create index directory_services_name on directory_services (name_key);
create index directory_services_earth on directory_services using gist (ll_to_earth(latitude, longitude)) where latitude is not null;

-- The words of the directory (lexemes of `search`), for typo tolerance: a typed word no service contains is
-- replaced by its nearest words by trigram similarity (`similarity()`, scanned: a few ten thousand words; the `%`
-- operator through a trigram index hangs the next statement on PGlite 0.5.17). Refreshed after each import.
create table directory_words (
  word text primary key,
  ndoc int not null
);
