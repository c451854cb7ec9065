-- Faster searches around a place (bench/server-load.mjs, EXPLAIN ANALYZE on PostgreSQL):
-- 1. The radius filter of a commune or of « autour de moi » reads as three alternatives (remote services; placed
--    services in the box and within the radius; unplaced services when a commune is given), so that each uses an
--    index: the earthdistance GiST index for placed services, this partial index for the others. Before, one
--    `case` over every row made PostgreSQL (and PGlite) scan the whole table and compute `ll_to_earth` for each row.
create index directory_services_unplaced on directory_services (id) where remote_only or latitude is null;

-- 2. The publics facet counts every public present in the directory (a service for « tous publics » counts in each):
--    their list is kept here, refreshed with the lexicon after each import or sync (`refreshWords`), instead of
--    unnesting the `publics` of every service at each search.
create table directory_publics (
  public text primary key
);
insert into directory_publics (public) select distinct unnest(publics) from directory_services;
