import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeSchedule, simulate, pathwayTemplates, parseTemplate, PathwayDataError } from '@relais/pathway/headless';

const status = (s) => Object.fromEntries(s.steps.map((x) => [x.id, x.status]));

test('MDPH: statuses, legal due date from the deposit, silence means rejection', () => {
  const events = [
    { stepId: 'depot', kind: 'done', date: '2026-03-12' },
    { stepId: 'recevabilite', kind: 'done', date: '2026-04-01' },
    { stepId: 'evaluation', kind: 'started', date: '2026-04-10' },
  ];
  const before = computeSchedule(pathwayTemplates.mdph, events, { today: '2026-06-01' });
  assert.equal(status(before).evaluation, 'current');
  const decision = before.steps.find((s) => s.id === 'decision');
  assert.equal(decision.dueOn, '2026-07-12');
  assert.equal(decision.daysLeft, 41);
  assert.equal(decision.status, 'upcoming');
  assert.match(decision.deadlineText, /4 mois après « Dépôt de la demande » \(CASF R241-33\) ; sans réponse à cette date, la demande est réputée rejetée/);
  assert.equal(before.current, 'evaluation');

  const after = computeSchedule(pathwayTemplates.mdph, events, { today: '2026-07-20' });
  assert.equal(status(after).decision, 'overdue');
  assert.equal(after.steps.find((s) => s.id === 'decision').daysLeft, -8);
  assert.equal(after.current, 'decision');
  assert.match(after.nextAction, /réputée rejetée.*recours administratif préalable \(RAPO\)/);
});

test('APA: silence means acceptance; deadlines counted from the complete file', () => {
  const s = computeSchedule(pathwayTemplates['apa-domicile'], [
    { stepId: 'depot', kind: 'done', date: '2026-09-01' },
    { stepId: 'complet', kind: 'done', date: '2026-09-10' },
    { stepId: 'visite', kind: 'done', date: '2026-09-25' },
  ], { today: '2026-11-20' });
  const plan = s.steps.find((x) => x.id === 'plan');
  assert.equal(plan.dueOn, '2026-10-10');
  assert.equal(plan.status, 'overdue');
  const decision = s.steps.find((x) => x.id === 'decision');
  assert.equal(decision.dueOn, '2026-11-10');
  assert.match(decision.deadlineText, /réputée acceptée/);
  assert.match(decision.deadlineText, /à vérifier/, 'uncertain references stay marked');
});

test('working-day deadline: PCH en urgence within 15 working days', () => {
  const s = computeSchedule(pathwayTemplates.pch, [
    { stepId: 'demande', kind: 'done', date: '2026-03-20' },
    { stepId: 'urgence', kind: 'started', date: '2026-04-01' },
  ], { today: '2026-04-10' });
  const u = s.steps.find((x) => x.id === 'urgence');
  assert.equal(u.dueOn, '2026-04-23');
  assert.equal(u.status, 'current');
  assert.equal(computeSchedule(pathwayTemplates.pch, [{ stepId: 'urgence', kind: 'started', date: '2026-04-01' }], { today: '2026-04-10', alsaceMoselle: true }).steps.find((x) => x.id === 'urgence').dueOn, '2026-04-24');
});

test('skipped steps, alternatives (branches) and optional steps never late', () => {
  const s = computeSchedule(pathwayTemplates['protection-enfance'], [
    { stepId: 'transmission', kind: 'done', date: '2026-01-05' },
    { stepId: 'qualification', kind: 'done', date: '2026-01-06' },
    { stepId: 'information-parents', kind: 'skipped', date: '2026-01-06', note: 'intérêt de l’enfant' },
    { stepId: 'evaluation', kind: 'done', date: '2026-03-20' },
    { stepId: 'decision', kind: 'done', date: '2026-03-24' },
    { stepId: 'prestation', kind: 'started', date: '2026-04-01' },
  ], { today: '2026-07-15' });
  const st = status(s);
  assert.equal(st['information-parents'], 'skipped');
  assert.equal(st['saisine-judiciaire'], 'skipped', 'the other branch');
  assert.equal(st.ppe, 'overdue', 'PPE due 3 months after the start of the measure');
  assert.equal(s.steps.find((x) => x.id === 'ppe').dueOn, '2026-07-01');
  const mdph = computeSchedule(pathwayTemplates.mdph, [{ stepId: 'notification', kind: 'done', date: '2026-01-10' }], { today: '2026-06-01' });
  assert.equal(status(mdph).recours, 'upcoming', 'an optional appeal not taken is not late');
});

test('ruptures: advice in plain French, the recent one first in the next action', () => {
  const s = computeSchedule(pathwayTemplates.mdph, [
    { stepId: 'depot', kind: 'done', date: '2026-03-12' },
    { kind: 'demenagement', date: '2026-03-30' },
    { kind: 'hospitalisation', date: '2026-05-02' },
  ], { today: '2026-05-10' });
  assert.deepEqual(s.ruptures.map((r) => r.kind), ['hospitalisation', 'demenagement']);
  assert.match(s.nextAction, /^Une hospitalisation peut retarder/);
});

test('documents received are tracked', () => {
  const s = computeSchedule(pathwayTemplates.mdph, [{ stepId: 'depot', kind: 'document-received', date: '2026-03-01', document: 'Certificat médical (cerfa 15695) de moins d’un an' }], { today: '2026-03-02' });
  const docs = s.steps[0].documents;
  assert.equal(docs.find((d) => /Certificat/.test(d.label)).received, true);
  assert.equal(docs.find((d) => /identité/.test(d.label)).received, false);
});

test('every shipped template is valid and simulates a calendar from the request date', () => {
  assert.deepEqual(Object.keys(pathwayTemplates).sort(), ['apa-domicile', 'ehpad-admission', 'mdph', 'pch', 'protection-enfance', 'rsa', 'sortie-hospitalisation']);
  for (const [id, t] of Object.entries(pathwayTemplates)) {
    parseTemplate(t);
    const s = simulate(t, '2026-11-23', { today: '2026-11-23' });
    assert.equal(s.steps[0].status, 'done', id);
    assert.ok(s.expectedEnd >= '2026-11-23', id);
    assert.ok(s.steps.every((x) => x.status !== 'overdue'), id);
  }
  const mdph = simulate(pathwayTemplates.mdph, '2026-11-23', { today: '2026-11-23' });
  assert.equal(mdph.steps.find((x) => x.id === 'decision').dueOn, '2027-03-23');
  // a request date in the past: a simulation shows expectations, never "late"
  const past = simulate(pathwayTemplates['apa-domicile'], '2026-01-05', { today: '2026-11-23' });
  assert.ok(past.steps.every((x) => x.status !== 'overdue'));
  assert.equal(past.steps.find((x) => x.id === 'complet').dueOn, '2026-01-15');
  assert.equal(past.steps.find((x) => x.id === 'complet').daysLeft, null);
});

test('pure: same inputs, same output; no clock read', () => {
  const a = computeSchedule(pathwayTemplates.rsa, [{ stepId: 'orientation', kind: 'done', date: '2026-01-31' }], { today: '2026-03-05' });
  const b = computeSchedule(pathwayTemplates.rsa, [{ stepId: 'orientation', kind: 'done', date: '2026-01-31' }], { today: '2026-03-05' });
  assert.deepEqual(a, b);
  assert.equal(a.steps.find((x) => x.id === 'contrat').dueOn, '2026-02-28');
  assert.equal(a.steps.find((x) => x.id === 'contrat').status, 'overdue');
  assert.throws(() => computeSchedule(pathwayTemplates.rsa, [], {}), /today/);
});

test('malformed templates and cases are rejected with a message naming the faulty field', () => {
  const bad = structuredClone(pathwayTemplates.mdph);
  bad.steps[3].deadline.unit = 'weeks';
  assert.throws(() => parseTemplate(bad), (e) => e instanceof PathwayDataError && e.field === 'steps[3].deadline.unit' && /valeur non reconnue/.test(e.message));
  const dup = structuredClone(pathwayTemplates.rsa);
  dup.steps[1].id = 'demande';
  assert.throws(() => parseTemplate(dup), /steps\[1\]\.id : l’identifiant « demande » est en double/);
  const ref = structuredClone(pathwayTemplates.rsa);
  ref.steps[3].deadline.from.step = 'nulle-part';
  assert.throws(() => parseTemplate(ref), /steps\[3\]\.deadline\.from\.step/);
  assert.throws(() => parseTemplate({ id: 'x', label: 'X', steps: [] }), /steps : vide/);
  assert.throws(() => computeSchedule(pathwayTemplates.rsa, [{ stepId: 'inconnue', kind: 'done', date: '2026-01-01' }], { today: '2026-01-02' }), /events\[0\]\.stepId : l’étape « inconnue » n’existe pas/);
  assert.throws(() => computeSchedule(pathwayTemplates.rsa, [{ stepId: 'demande', kind: 'done', date: '2026-02-30' }], { today: '2026-03-01' }), (e) => e.field === 'events[0].date');
  assert.throws(() => computeSchedule(pathwayTemplates.rsa, [{ kind: 'done', date: '2026-02-03' }], { today: '2026-03-01' }), /doit nommer son étape/);
});
