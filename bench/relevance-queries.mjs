// The relevance queries of bench/relevance.mjs (static engine) and bench/server-relevance.mjs (@relais/server).
// [set, words, commune (INSEE), expected structure kind]
export const QUERIES = [
  ['fs', 'carte grise', '58079', 'france-services'], // Clamecy
  ['fs', 'passeport', '58194', 'france-services'], // Nevers
  ['fs', 'CNI', '58086', 'france-services'], // Cosne-Cours-sur-Loire
  ['fs', 'permis de conduire', '58062', 'france-services'], // Château-Chinon (Ville)
  ['fs', 'ANTS', '58095', 'france-services'], // Decize
  ['fs', 'impôts', '58145', 'france-services'], // Lormes
  ['fs', 'CAF', '58149', 'france-services'], // Luzy
  ['fs', 'retraite', '58083', 'france-services'], // Corbigny
  ['fs', 'MSA', '23096', 'france-services'], // Guéret
  ['fs', 'France Travail', '33063', 'france-services'], // Bordeaux
  ['fs', 'MSAP', '15014', 'france-services'], // Aurillac
  ['fs', 'maison France services', '67482', 'france-services'], // Strasbourg
  ['demo', 'carte grise', '58079', 'france-services'], // Clamecy, on the mix (fictional CCAS, MDPH… beside the real sites)
  ['demo', 'ehpad', '58079', 'ehpad'],
  ['demo', 'aide à domicile', '58194', 'saad'],
];
