/** The lexicon of the directory (`directory_words`): the lexemes of every service's full-text document. */
import type { Queryable } from '../db/types.js';

/** Rebuilds the lexicon and the list of publics (`directory_publics`) from the services (after an import or a sync). */
export async function refreshWords(tx: Queryable): Promise<void> {
  await tx.query('delete from directory_words');
  await tx.query(`insert into directory_words (word, ndoc) select word, ndoc from ts_stat('select search from directory_services')`);
  await tx.query('delete from directory_publics');
  await tx.query('insert into directory_publics (public) select distinct unnest(publics) from directory_services');
}
