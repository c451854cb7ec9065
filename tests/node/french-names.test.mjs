// Names and addresses of the FINESS registry (capitals, no accents) made readable: scripts/french-names.mjs.
// Expected values written from the French typographic rules (Lexique des règles typographiques de l'Imprimerie nationale:
// capitals keep their accents, common words in lower case, proper nouns and acronyms capitalised), inputs from the
// real FINESS Nièvre file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frenchName, frenchAddress, repairQuotes, placeIndex } from '../../scripts/french-names.mjs';

const places = placeIndex(
  [
    { insee_dep: '58', commune_article: 'Clamecy' },
    { insee_dep: '58', commune_article: 'Cosne-Cours-sur-Loire' },
    { insee_dep: '58', commune_article: 'La Charité-sur-Loire' },
    { insee_dep: '58', commune_article: 'Château-Chinon (Ville)' },
    { insee_dep: '58', commune_article: 'Château-Chinon (Campagne)' },
    { insee_dep: '58', commune_article: "Saint-Benin-d'Azy" },
    { insee_dep: '21', commune_article: 'Dijon' },
  ],
  ['58'],
);

test('quotes escaped twice by an export become guillemets; a lone quote is dropped', () => {
  assert.equal(repairQuotes('"SAVS CLAMECY ""PRÉ LECOMTE"""'), 'SAVS CLAMECY « PRÉ LECOMTE »');
  assert.equal(repairQuotes('"FOYER DE VIE ""LES GENEVRIERES""-SOJ"'), 'FOYER DE VIE « LES GENEVRIERES » -SOJ');
  assert.equal(repairQuotes('EHPAD "LE CLOS'), 'EHPAD LE CLOS');
  assert.equal(repairQuotes('SSIAD LUZY'), 'SSIAD LUZY');
});

test('sentence case: common words in lower case with their accents, acronyms kept, proper nouns capitalised', () => {
  assert.equal(frenchName("SERVICE D'AIDE MENAGERE A DOMICILE"), "Service d'aide ménagère à domicile");
  assert.equal(frenchName('SAVS CLAMECY « PRÉ LECOMTE »', { places }), 'SAVS Clamecy « Pré Lecomte »');
  assert.equal(frenchName('CCAS DE COSNE COURS SUR LOIRE', { places }), 'CCAS de Cosne-Cours-sur-Loire');
  assert.equal(frenchName('EHPAD LES OPALINES'), 'EHPAD Les Opalines');
  assert.equal(frenchName('EHPAD LE CHAMP DE LA DAME'), 'EHPAD Le Champ de la Dame');
  assert.equal(frenchName('SSIAD NEVERS CCAS'), 'SSIAD Nevers CCAS');
  assert.equal(frenchName('C.C.A.S. PORTAGE REPAS DOMICILE'), 'CCAS portage repas domicile');
  assert.equal(frenchName('CMPP-SNCF DE NEVERS'), 'CMPP-SNCF de Nevers');
  assert.equal(frenchName("FOYER D'HÉBERGEMENT"), "Foyer d'hébergement");
  assert.equal(frenchName('SERVICE AIDE AUX PERS.AGEES VARZY'), 'Service aide aux pers. âgées Varzy');
  assert.equal(frenchName('EHPAD LES BLES D OR'), "EHPAD Les Bles d'Or");
  assert.equal(frenchName('USLD CH CHATEAU-CHINON', { places }), 'USLD CH Château-Chinon');
  assert.equal(frenchName("EHPAD ST BENIN D'AZY", { places }), "EHPAD Saint-Benin-d'Azy");
  assert.equal(frenchName('CLIC BOURGOGNE NIVERNAISE'), 'CLIC Bourgogne Nivernaise');
});

test('a name the registry cut off stays cut off; a name already in mixed case is left alone', () => {
  assert.equal(frenchName('SERVICE AUXILIAIRES DE VIE SIVOM CLAME', { places }), 'Service auxiliaires de vie SIVOM Clame');
  assert.equal(frenchName('Maison des solidarités de Clamecy'), 'Maison des solidarités de Clamecy');
});

test('the commune index uses the official names of the chosen départements only', () => {
  assert.equal(places.get('LA CHARITE SUR LOIRE'), 'La Charité-sur-Loire');
  assert.equal(places.get('CHATEAU CHINON'), 'Château-Chinon');
  assert.equal(places.get('CHATEAU CHINON (VILLE)'), 'Château-Chinon (Ville)');
  assert.equal(places.get('DIJON'), undefined);
});

test('addresses: street type written out, particles in lower case, bis after the number, « MAIRIE » named', () => {
  assert.equal(frenchAddress('8 R MARIE DELALOGE', 'Varzy'), '8 rue Marie Delaloge');
  assert.equal(frenchAddress('PL DU 25 JUIN 1944', 'Montsauche-les-Settons'), 'Place du 25 juin 1944');
  assert.equal(frenchAddress('6 R B ERNEST RENAN', 'Nevers'), '6 bis rue Ernest Renan');
  assert.equal(frenchAddress('17 BD D AUXERRE', 'Varzy'), "17 boulevard d'Auxerre");
  assert.equal(frenchAddress('44 AV DU 85EME DE LIGNE', 'Cosne-Cours-sur-Loire'), '44 avenue du 85e de Ligne');
  assert.equal(frenchAddress('MAIRIE', 'Clamecy'), 'Mairie de Clamecy');
  assert.equal(frenchAddress('MAIRIE', 'Armes'), "Mairie d'Armes");
  assert.equal(frenchAddress('BP 5', 'Fours'), 'BP 5');
  assert.equal(frenchAddress('', 'Fours'), '');
});

test('the committed FINESS Nièvre records read well: no code, no broken quote, no two names alike, no address « MAIRIE »', async () => {
  const { readFileSync } = await import('node:fs');
  const d = JSON.parse(readFileSync(new URL('../../examples/data/finess-58.json', import.meta.url), 'utf8'));
  for (const s of d.services) {
    assert.doesNotMatch(s.description, /FINESS, catégorie|\b\d{3}\b|S\.A\.A\.D\./, s.id);
  }
  const saad = d.services.find((s) => s.id === 'finess--580004687--460');
  assert.match(saad.description, /^Service d’aide et d’accompagnement à domicile \(SAAD\) : aide pour les gestes de la vie quotidienne/);
  const names = d.structures.map((s) => s.nom);
  assert.equal(new Set(names).size, names.length, 'every name tells its establishment apart');
  assert.ok(names.every((n) => !n.includes('"')), 'no raw quote');
  assert.ok(names.includes('SAVS Clamecy « Pré Lecomte »'));
  assert.ok(names.includes('Service auxiliaires de vie SIVOM Clame'), 'the cut-off name stays as the registry has it');
  assert.ok(names.includes("Service d'aide ménagère à domicile – Varzy"));
  const clamecy = d.structures.find((s) => s.id === 'finess--580970317');
  assert.equal(clamecy.adresse, 'Mairie de Clamecy');
  assert.equal(clamecy.commune, 'Clamecy');
  assert.equal(clamecy.nom, "Service d'aide ménagère à domicile – Clamecy, mairie");
  // no word of four capitals or more outside the acronyms
  const shouting = names.flatMap((n) => n.match(/\b[A-ZÉÈÀ]{4,}\b/g) ?? []).filter((w) => !/^(EHPAD|SSIAD|SAAD|SAVS|SAMSAH|ESAT|CCAS|CHRS|CMPP|CAMSP|SESSAD|SSAD|DITEP|CLIC|SIVOM|SPASAD|USLD|CSAPA|CAARUD|AIDES|UDAF|ANPAA|SMJPM|AEHM|AZAE|ANAMFD|DATSA|SNCF|CAAJ)$/.test(w));
  assert.deepEqual(shouting, []);
});
