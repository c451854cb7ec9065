// Runs the dated scenarios of test/scenarios.json (written from the texts before the engine was changed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { computeSchedule, simulate, pathwayTemplates, PathwayDataError } from '@relais/pathway/headless';

const { scenarios } = JSON.parse(readFileSync(new URL('../scenarios.json', import.meta.url), 'utf8'));

const run = (sc) => {
  const t = pathwayTemplates[sc.template];
  const opts = { today: sc.today, alsaceMoselle: !!sc.alsaceMoselle, facts: sc.facts };
  return sc.simulate ? simulate(t, sc.simulate, opts) : computeSchedule(t, sc.events, opts);
};
const FIELDS = { status: 'status', dueOn: 'dueOn', estimate: 'dueIsEstimate', daysLeft: 'daysLeft', inferred: 'inferred', condition: 'condition' };
const field = (s, ref) => {
  const [id, f] = ref.split('.');
  const step = s.steps.find((x) => x.id === id);
  assert.ok(step, `step ${id}`);
  return step[f];
};

test('at least 40 scenarios, each template, each with a rule', () => {
  assert.ok(scenarios.length >= 40, `${scenarios.length} scenarios`);
  for (const id of Object.keys(pathwayTemplates)) assert.ok(scenarios.some((s) => s.template === id), id);
  for (const sc of scenarios) assert.ok(sc.rule && sc.today, sc.id);
});

test('every deadline of every template (each silence rule, each recours) is checked with today before and after it', () => {
  // read from the table's expectations only (not from the engine): « before » = a scenario expects the due date on or
  // after today; « after » = a scenario expects the step overdue (or its due date before today)
  const missing = [];
  for (const [tid, t] of Object.entries(pathwayTemplates)) {
    for (const step of t.steps.filter((s) => s.deadline)) {
      const exp = scenarios.filter((sc) => sc.template === tid && !sc.throws).map((sc) => [sc, sc.steps?.[step.id]]).filter(([, e]) => e);
      const before = exp.some(([sc, e]) => e.status !== 'overdue' && ((e.dueOn && e.dueOn >= sc.today) || e.daysLeft >= 0));
      const after = exp.some(([sc, e]) => e.status === 'overdue' || (e.dueOn && e.dueOn < sc.today) || e.daysLeft < 0);
      if (!before) missing.push(`${tid}.${step.id} (avant)`);
      if (!after) missing.push(`${tid}.${step.id} (après)`);
    }
  }
  assert.deepEqual(missing, []);
});

for (const sc of scenarios) {
  test(`${sc.id} — ${sc.rule}`, () => {
    if (sc.throws) {
      assert.throws(() => run(sc), (e) => e instanceof PathwayDataError && new RegExp(sc.throws).test(e.message) && /^Dossier invalide — events\[\d+\]\.date : /.test(e.message));
      return;
    }
    const s = run(sc);
    for (const [id, exp] of Object.entries(sc.steps ?? {})) {
      const step = s.steps.find((x) => x.id === id);
      assert.ok(step, `${sc.id}: step ${id}`);
      for (const [k, v] of Object.entries(exp)) assert.deepEqual(step[FIELDS[k]], v, `${sc.id}: ${id}.${k}`);
    }
    if (sc.overdue) assert.deepEqual(s.actions.filter((a) => a.kind === 'late').map((a) => a.stepId), sc.overdue, `${sc.id}: late items in order`);
    if (sc.overdue) assert.deepEqual(s.steps.filter((x) => x.status === 'overdue').map((x) => x.id).sort(), [...sc.overdue].sort(), `${sc.id}: every late step is listed`);
    if (sc.nextAction) assert.match(s.nextAction, new RegExp(sc.nextAction), `${sc.id}: next action`);
    // `actions`: one of the things to do now says this; `actionsNot`: none of them (nor the next action) says that
    if (sc.actions) assert.ok(s.actions.some((a) => new RegExp(sc.actions).test(a.text)), `${sc.id}: an action matches ${sc.actions}`);
    if (sc.actionsNot) for (const text of [s.nextAction, ...s.actions.map((a) => a.text)]) assert.doesNotMatch(text, new RegExp(sc.actionsNot), `${sc.id}: ${text}`);
    for (const rel of sc.relations ?? []) {
      const [a, op, b] = rel.split(' ');
      const x = field(s, a);
      const y = field(s, b);
      assert.ok(x && y, `${sc.id}: ${rel} (${x}, ${y})`);
      assert.ok(op === '<' ? x < y : op === '<=' ? x <= y : false, `${sc.id}: ${rel} (${x} ${op} ${y})`);
    }
    for (const [id, docs] of Object.entries(sc.documents ?? {})) {
      const got = Object.fromEntries(s.steps.find((x) => x.id === id).documents.map((d) => [d.label, d.received]));
      for (const [label, received] of Object.entries(docs)) assert.equal(got[label], received, `${sc.id}: ${id} — ${label}`);
    }
    // `deadlineText`: the rule as written; `dueText`: the dated sentence for this case
    for (const key of ['deadlineText', 'dueText']) {
      for (const [id, m] of Object.entries(sc[key] ?? {})) {
        const text = s.steps.find((x) => x.id === id)[key];
        if (m.match) assert.match(text ?? '', new RegExp(m.match), `${sc.id}: ${id}.${key}`);
        if (m.not) assert.doesNotMatch(text ?? '', new RegExp(m.not), `${sc.id}: ${id}.${key}`);
      }
    }
  });
}
