// The headless parts of @relais/indicators, checked against the world: EPCI centres against the official EPCI
// membership (@etalab/decoupage-administratif) and the INSEE commune coordinates (shared/data/communes.csv), CSV
// against RFC 4180, and the test double against the contract file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { epciCentres, toCsv, csvCell, periodProblem, lastTwelveMonths, readIndicators, probableFollowUp } from '../../dist/headless.js';
import { checkIndicatorsRequest, checkIndicatorsResponse } from '../../../../tests/server/indicators-double.mjs';

const require = createRequire(import.meta.url);
const EPCI = require('@etalab/decoupage-administratif/data/epci.json');
const csvPath = new URL('../../../../../shared/data/communes.csv', import.meta.url);

test('an EPCI is placed at the mean of all its member communes, over the département border too', async () => {
  // CC de Puisaye-Forterre has its seat in the Nièvre and most of its communes in the Yonne
  const sirens = ['200067130', '200067890', '245804406'];
  const centres = await epciCentres(sirens, '58');
  for (const siren of sirens) {
    const members = EPCI.find((e) => e.code === siren).membres.map((m) => m.code);
    assert.equal(centres.get(siren)?.communes, members.length, `${siren}: every member commune counted`);
    if (!existsSync(csvPath)) continue;
    const rows = readFileSync(csvPath, 'utf8').split('\n').slice(1).map((l) => l.split(','));
    // communes only (a commune déléguée, COMD, repeats its commune's code)
    const pts = rows.filter((r) => r[6] === 'COM' && members.includes(r[0])).map((r) => [Number(r[8]), Number(r[9])]);
    assert.equal(pts.length, members.length);
    const lat = pts.reduce((a, p) => a + p[0], 0) / pts.length;
    const lon = pts.reduce((a, p) => a + p[1], 0) / pts.length;
    assert.ok(Math.abs(centres.get(siren).lat - lat) < 1e-3 && Math.abs(centres.get(siren).lon - lon) < 1e-3, `${siren}: ${JSON.stringify(centres.get(siren))} vs ${lat},${lon}`);
  }
  assert.equal((await epciCentres(['123456789'], '58')).size, 0, 'an unknown SIREN has no place');
});

test('CSV: RFC 4180 quoting, CRLF, BOM, and the formula guard (OWASP CSV injection)', () => {
  assert.equal(toCsv(['a', 'b'], [['x', 1]]), '\uFEFFa,b\r\nx,1\r\n');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('dit "oui"'), '"dit ""oui"""');
  assert.equal(csvCell('ligne\nsuivante'), '"ligne\nsuivante"');
  for (const s of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx']) assert.equal(csvCell(s).replace(/^"/, '')[0], "'", s);
  assert.equal(csvCell(-3), '-3', 'a number is not a formula');
  assert.equal(csvCell('moins de 5'), 'moins de 5');
});

test('the period: au included, not before du, 366 days at most (as the contract says)', () => {
  assert.equal(periodProblem('2026-01-01', '2026-01-01'), null);
  assert.equal(periodProblem('2026-01-02', '2026-01-01'), 'auBeforeDu');
  assert.equal(periodProblem('2024-01-01', '2024-12-31'), null);
  assert.equal(periodProblem('2024-01-01', '2025-01-01'), null, '366 days after du');
  assert.equal(periodProblem('2024-01-01', '2025-01-02'), 'tooLong');
  assert.equal(periodProblem('2026-02-30', '2026-03-01'), 'duInvalid');
  assert.equal(periodProblem('2026-01-01', '31/12/2026'), 'auInvalid');
  assert.deepEqual(lastTwelveMonths('2026-12-02'), { du: '2025-12-03', au: '2026-12-02' });
  assert.deepEqual(lastTwelveMonths('2024-02-29'), { du: '2023-03-01', au: '2024-02-29' });
  const { du, au } = lastTwelveMonths('2026-03-01');
  assert.equal(periodProblem(du, au), null);
});

test('the fixtures follow the contract, and the double refuses what does not', () => {
  for (const f of ['nievre', 'hostile']) {
    const body = JSON.parse(readFileSync(new URL(`../fixtures/${f}.json`, import.meta.url), 'utf8'));
    assert.deepEqual(checkIndicatorsResponse(body), [], f);
    assert.equal(readIndicators(body).ok, true, f);
  }
  const bad = JSON.parse(readFileSync(new URL('../fixtures/nievre.json', import.meta.url), 'utf8'));
  bad.besoins[0].recherches = { n: 3, masque: true };
  assert.deepEqual(checkIndicatorsResponse(bad).map((e) => e.loc.join('.')), ['response.besoins.0.recherches.masque']);
  bad.besoins[0].recherches = { n: 0 };
  bad.eligibilite[0].statut = 'maybe';
  assert.ok(checkIndicatorsResponse(bad).length > 0);
  assert.equal(readIndicators(bad).ok, false);
  assert.deepEqual(checkIndicatorsRequest(new URLSearchParams('du=2026-01-01&au=2026-12-31&departement=58')), []);
  assert.deepEqual(checkIndicatorsRequest(new URLSearchParams('du=2026-01-01&au=2026-12-31&departement=2A')), []);
  const errs = checkIndicatorsRequest(new URLSearchParams('du=2026-01-01&departement=5&commune=58194'));
  assert.deepEqual(errs.map((e) => `${e.loc.join('.')}:${e.type}`).sort(), ['query.au:missing', 'query.commune:extra_forbidden', 'query.departement:string_pattern_mismatch']);
});

test('« probable » followed by a search: only aides whose two cells are published', () => {
  const c = (n) => (n === null ? { masque: true } : { n });
  const row = (aide, statut, n, f) => ({ aide, statut, n: c(n), suivis_d_une_recherche: c(f) });
  assert.deepEqual(probableFollowUp([row('a', 'probable', 38, 17), row('b', 'probable', 15, 6), row('c', 'probable', 9, null), row('a', 'eligible', 64, 21)]), { followed: 23, shown: 53 });
  assert.equal(probableFollowUp([row('c', 'probable', 9, null)]), null);
});

test('CDN build: uPlot and the map stay out of the element’s entry chunk, in the ESM and the IIFE builds', (t) => {
  const cdn = new URL('../../../relais/dist/cdn/', import.meta.url);
  if (!existsSync(new URL('manifest.json', cdn))) return t.skip('no CDN build (node scripts/build.mjs)');
  const closure = JSON.parse(readFileSync(new URL('manifest.json', cdn), 'utf8')).entries['widgets/relais-indicators'];
  assert.ok(closure.includes('widgets/relais-indicators.js'));
  const text = (f) => readFileSync(new URL(f, cdn), 'utf8');
  // 'u-cursor-x' is created by uPlot's code; circleMarker is the map's
  assert.match(text('indicators/chart.js'), /u-cursor-x/);
  assert.match(text('indicators/unmet-map.js'), /circleMarker/);
  for (const f of [...closure, 'relais.iife.js', ...JSON.parse(readFileSync(new URL('manifest.json', cdn), 'utf8')).entries['relais-all']]) {
    assert.doesNotMatch(text(f), /u-cursor-x/, `${f} carries uPlot`);
    assert.doesNotMatch(text(f), /circleMarker\(/, `${f} carries the map`);
  }
  assert.ok(!closure.some((f) => f.startsWith('indicators/') || f.startsWith('vendor/')), closure.join(', '));
});
