-- Extensions of the directory search: accent folding, trigram similarity (typo tolerance), great-circle distances.
-- All four are "trusted" since PostgreSQL 13: the owner of the database can create them without superuser rights.
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists cube;
create extension if not exists earthdistance;

-- unaccent() is only STABLE (it reads its dictionary by name): an IMMUTABLE wrapper naming the dictionary lets
-- indexes and generated columns use it.
create or replace function relais_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select unaccent('unaccent'::regdictionary, $1) $$;

-- French full-text configuration that ignores accents: « hôpital », « hopital » and « HÔPITAL » index the same.
do $$ begin
  if not exists (select 1 from pg_ts_config where cfgname = 'relais_fr') then
    create text search configuration relais_fr (copy = french);
    alter text search configuration relais_fr alter mapping for hword, hword_part, word with unaccent, french_stem;
  end if;
end $$;
