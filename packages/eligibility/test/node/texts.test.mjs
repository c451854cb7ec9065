// Every sentence every criterion of the national catalogue can produce, in each status, rendered into the committed
// table test/texts.md so that a reviewer reads them all in one place and a change shows in the diff.
// Regenerate after an intended change: UPDATE_TEXTS=1 node --test packages/eligibility/test/node/texts.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { criterionTexts, nationalCatalogue } from '@relais/eligibility/headless';

const DATE = '2026-12-02';
const FILE = new URL('../texts.md', import.meta.url);
const STATUS = { met: 'remplie', not_met: 'non remplie', unknown: 'à vérifier' };

function render() {
  const rows = criterionTexts(nationalCatalogue, DATE);
  let md = `# Textes des critères du catalogue national\n\nGénéré par \`test/node/texts.test.mjs\` au ${DATE} (valeurs en vigueur à cette date). Chaque critère de chaque aide, dans chaque état ; « à vérifier » couvre les réponses manquantes, les valeurs non confirmées et les exceptions que les questions ne couvrent pas.\nRégénérer : \`UPDATE_TEXTS=1 node --test packages/eligibility/test/node/texts.test.mjs\`.\n`;
  let current = '';
  for (const r of rows) {
    if (r.benefit !== current) {
      current = r.benefit;
      const b = nationalCatalogue.benefits.find((x) => x.id === r.benefit);
      md += `\n## ${b.label} (\`${b.id}\`)\n\n| critère | fait | état | texte |\n| --- | --- | --- | --- |\n`;
    }
    md += `| ${r.criterion} | \`${r.fact}\` | ${STATUS[r.status]} | ${r.text.replace(/\|/g, '\\|').replace(/[\u202f\u00a0]/g, ' ')} |\n`;
  }
  return { md, rows };
}

test('every criterion text of every benefit, in each status, matches the committed table (test/texts.md)', () => {
  const { md } = render();
  if (process.env.UPDATE_TEXTS) writeFileSync(FILE, md);
  const committed = readFileSync(FILE, 'utf8');
  assert.equal(md, committed, 'the criterion texts changed: review the diff, then run UPDATE_TEXTS=1 node --test packages/eligibility/test/node/texts.test.mjs');
});

test('every criterion has a text in each of the three statuses (or an « à vérifier » for its exception), with no code, no « undefined », amounts to the cent', () => {
  const { rows } = render();
  const byCrit = new Map();
  for (const r of rows) {
    const k = `${r.benefit}#${r.criterion}`;
    byCrit.set(k, new Set([...(byCrit.get(k) ?? []), r.status, ...(/ : à vérifier avec /.test(r.text) ? ['exception'] : [])]));
    assert.doesNotMatch(r.text, /undefined|NaN|\{|\}|moins-50|50-79|80-plus|une-absolue|deux-graves|etablissement\b|true|false/, r.text);
    assert.match(r.text, /[.]$/, `ends with a full stop: ${r.text}`);
    assert.match(r.text, /\((CASF|CSS|CT) [^)]+\)\.$|\((CASF|CSS|CT) [^)]+\)[^()]*\.$/, `names its article: ${r.text}`);
    for (const m of r.text.matchAll(/(\d[\d\u202f]*(?:,\d+)?)\u00a0€/g)) assert.match(m[1], /,\d\d$/, `amount to the cent: ${r.text}`);
  }
  for (const [k, s] of byCrit) {
    assert.ok(s.has('unknown'), `${k}: unknown text`);
    assert.ok(s.has('not_met') || s.has('met') || s.has('exception'), `${k}: a decided text, or an exception naming who to ask`);
  }
});
