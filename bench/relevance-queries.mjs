// The relevance queries of bench/relevance.mjs (static engine, through the client) and bench/server-relevance.mjs
// (@relais/server; it runs those with a chosen commune and one expected kind, the ones its search takes today).
// { set, text, commune (INSEE, chosen in the place field), near (« Autour de moi » at that commune's centre),
//   place (the commune the words name, none chosen), kind (expected structure kind, or null: no result expected) }
export const QUERIES = [
  { set: 'fs', text: 'carte grise', commune: '58079', kind: 'france-services' }, // Clamecy
  { set: 'fs', text: 'passeport', commune: '58194', kind: 'france-services' }, // Nevers
  { set: 'fs', text: 'CNI', commune: '58086', kind: 'france-services' }, // Cosne-Cours-sur-Loire
  { set: 'fs', text: 'permis de conduire', commune: '58062', kind: 'france-services' }, // Château-Chinon (Ville)
  { set: 'fs', text: 'ANTS', commune: '58095', kind: 'france-services' }, // Decize
  { set: 'fs', text: 'impôts', commune: '58145', kind: 'france-services' }, // Lormes
  { set: 'fs', text: 'CAF', commune: '58149', kind: 'france-services' }, // Luzy
  { set: 'fs', text: 'retraite', commune: '58083', kind: 'france-services' }, // Corbigny
  { set: 'fs', text: 'MSA', commune: '23096', kind: 'france-services' }, // Guéret
  { set: 'fs', text: 'France Travail', commune: '33063', kind: 'france-services' }, // Bordeaux
  { set: 'fs', text: 'MSAP', commune: '15014', kind: 'france-services' }, // Aurillac
  { set: 'fs', text: 'maison France services', commune: '67482', kind: 'france-services' }, // Strasbourg
  { set: 'demo', text: 'carte grise', commune: '58079', kind: 'france-services' }, // Clamecy, on the mix (fictional CCAS, MDPH… beside the real sites)
  { set: 'demo', text: 'ehpad', commune: '58079', kind: 'ehpad' },
  { set: 'demo', text: 'aide à domicile', commune: '58194', kind: 'saad' },
  // issue 15, « Journeys without dead ends »
  { set: 'fictif', text: 'ehpad', commune: '58079', kind: 'ehpad' }, // « Hébergement temporaire » 2.7 km away came before the EHPAD 400 m away
  { set: 'demo', text: 'ehpad clamecy', place: '58079', kind: 'ehpad' }, // the place word had to be in the name: 1 result
  { set: 'fictif', text: 'ehpad clamecy', place: '58079', kind: 'ehpad' },
  { set: 'demo', text: 'mdph', commune: '58079', kind: 'mdph-mda' }, // the MDA of the Nièvre is 60 km away, beyond the 50 km
  { set: 'demo', text: 'ssiad', commune: '58079', kind: ['ssiad', 'spasad'] }, // a SPASAD is a SSIAD and a SAAD in one (FINESS 209)
  { set: 'demo', text: 'ccas', commune: '58079', kind: 'ccas-cias' },
  { set: 'demo', text: 'centre social', commune: '58079', kind: 'centre-social' },
  { set: 'demo', text: 'portage de repas', commune: '58079', kind: null }, // 11 CCAS serve their own town only
  { set: 'demo', text: 'portage de repas', near: '58079', kind: null }, // « Autour de moi » listed them 33–49 km away
  { set: 'demo', text: 'portage de repas', commune: '58102', kind: 'ccas-cias' }, // Donzy has its own
  { set: 'fs', text: 'carte grise nevers', place: '58194', kind: 'france-services' },
  { set: 'fs', text: 'carte grise', near: '58194', kind: 'france-services' },
];
