import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeSchedule, simulate, pathwayTemplates, parseTemplate, PathwayDataError, readableLegal, frenchDate } from '@relais/pathway/headless';

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
  assert.equal(decision.deadlineText, '4 mois après « Dépôt de la demande » ; sans décision à cette date, la demande est réputée rejetée');
  assert.equal(decision.legal, 'CASF R241-33');
  assert.equal(decision.legalText, 'article R241-33 du code de l’action sociale et des familles');
  assert.equal(decision.owner, 'administration');
  assert.equal(decision.dueText, 'La CDAPH doit décider au plus tard le 12 juillet 2026 ; sans décision à cette date, la demande est réputée rejetée.');
  assert.equal(before.current, 'evaluation');

  const after = computeSchedule(pathwayTemplates.mdph, events, { today: '2026-07-20' });
  assert.equal(status(after).decision, 'overdue');
  assert.equal(after.steps.find((s) => s.id === 'decision').daysLeft, -8);
  assert.equal(after.current, 'evaluation', 'the step in progress stays current');
  assert.deepEqual(after.actions.map((a) => [a.kind, a.stepId]), [['late', 'decision'], ['deadline', 'recours'], ['now', 'evaluation']], 'all shown: the late decision, the running appeal deadline, the current step');
  assert.match(after.nextAction, /réputée rejetée\. Ce rejet implicite peut être contesté/);
  // the implicit rejection of Sunday 12 July: 2 months end on Saturday 12 September, moved to Monday 14 (CPC 642)
  assert.equal(after.actions[1].text, 'Recours (si vous contestez) — Vous avez jusqu’au 14 septembre 2026 pour contester la décision par écrit auprès de la MDPH (recours administratif préalable obligatoire).');
  assert.doesNotMatch(after.nextAction, /RAPO/, 'no acronym for the public');
  const recours = after.steps.find((s) => s.id === 'recours');
  assert.equal(recours.legal, 'CASF R241-35, R241-36 ; CSS R142-1-A');
  assert.equal(recours.legalText, 'articles R241-35, R241-36 du code de l’action sociale et des familles ; article R142-1-A du code de la sécurité sociale');
  assert.match(pathwayTemplates.mdph.steps.find((s) => s.id === 'recours').action, /en recommandé avec accusé de réception, ou par tout moyen qui donne une date certaine/);
  assert.match(recours.deadlineText, /^2 mois après la date à laquelle vous avez reçu la décision, ou sinon après le rejet implicite .*, reporté au premier jour ouvrable s’il finit un samedi, un dimanche ou un jour férié$/);
  // the RQTH or orientation professionnelle (administrative court): délai franc
  const rqth = computeSchedule(pathwayTemplates.mdph, events, { today: '2026-07-20', facts: ['rqth-orientation-pro'] }).steps.find((s) => s.id === 'recours');
  assert.equal(rqth.dueOn, '2026-09-14', '12 September + 1 (franc) = Sunday 13, moved to Monday 14');
  assert.match(rqth.deadlineText, /le lendemain compris \(délai franc\).*\(RQTH ou orientation professionnelle : le recours se poursuit devant le tribunal administratif\)$/);
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
  assert.match(decision.deadlineText, /l’APA est réputée accordée pour un montant forfaitaire/);
  assert.doesNotMatch(decision.deadlineText, /CASF|à vérifier|à confirmer/, 'no raw reference in the public text; L232-14 checked by the legal review');
  assert.equal(decision.toVerify, false, 'L232-14 checked against the text');
});

test('« (à confirmer) »: uncertain rules stay marked in data and are said so to the public', () => {
  const s = computeSchedule(pathwayTemplates['ehpad-admission'], [{ stepId: 'entree', kind: 'started', date: '2026-03-02' }], { today: '2026-03-30', facts: ['sejour-permanent'] });
  const contrat = s.steps.find((x) => x.id === 'contrat');
  assert.equal(contrat.toVerify, true);
  assert.equal(contrat.deadline.toVerify, true);
  assert.match(contrat.deadlineText, / \(à confirmer\)$/);
  assert.equal(contrat.dueText, 'L’établissement devait vous remettre le contrat de séjour au plus tard le 17 mars 2026 (à confirmer).');
  const mdph = computeSchedule(pathwayTemplates.mdph, [{ stepId: 'depot', kind: 'done', date: '2026-03-12' }], { today: '2026-03-20' });
  const recevabilite = mdph.steps.find((x) => x.id === 'recevabilite');
  assert.equal(recevabilite.toVerify, true, 'CRPA L114-5: the rejection deadline may be suspended while pieces are awaited');
  assert.equal(recevabilite.legal, 'CRPA L114-5');
  assert.match(recevabilite.nextAction, /le délai de 4 mois pour décider est peut-être suspendu jusqu’à leur réception \(à confirmer\)/);
  assert.equal(mdph.steps.find((x) => x.id === 'decision').toVerify, false, 'R241-33 checked by the legal review');
});

test('APA: no forfait once the reply to the plan lapsed (R232-7 before L232-14)', () => {
  const events = [
    { stepId: 'depot', kind: 'done', date: '2026-09-01' },
    { stepId: 'complet', kind: 'done', date: '2026-09-10' },
    { stepId: 'visite', kind: 'done', date: '2026-09-20' },
    { stepId: 'plan', kind: 'done', date: '2026-10-01' },
  ];
  const s = computeSchedule(pathwayTemplates['apa-domicile'], events, { today: '2026-11-12' });
  const decision = s.steps.find((x) => x.id === 'decision');
  assert.equal(decision.dueText, 'Le président du conseil départemental devait notifier sa décision au plus tard le 10 novembre 2026 ; votre délai pour répondre au plan d’aide (l’accepter ou faire vos observations) étant passé, la demande est réputée refusée.');
  assert.equal(decision.nextAction, decision.dueText, 'no « demandez le versement du montant forfaitaire »');
  // before the person's 10 days lapse, the rule of L232-14 stands
  const before = computeSchedule(pathwayTemplates['apa-domicile'], events, { today: '2026-10-05' });
  assert.match(before.steps.find((x) => x.id === 'decision').dueText, /sans décision à cette date, l’APA est réputée accordée pour un montant forfaitaire/);
  const bad = structuredClone(pathwayTemplates['apa-domicile']);
  bad.steps.find((x) => x.id === 'decision').deadline.voidIfLapsed = 'visite';
  assert.throws(() => parseTemplate(bad), /deadline\.voidIfLapsed : l’étape « visite » doit avoir un délai avec une règle de silence/);
});

test('indicative dates: the assumption said, no consequence, the date to ask for', () => {
  const s = computeSchedule(pathwayTemplates['apa-domicile'], [{ stepId: 'depot', kind: 'done', date: '2026-09-15' }], { today: '2026-12-10' });
  const decision = s.steps.find((x) => x.id === 'decision');
  assert.equal(decision.estimateIf, 'si « Dossier complet (accusé de réception) » a eu lieu à temps, le 25 septembre 2026');
  assert.equal(decision.nextAction, 'Date indicative dépassée : si « Dossier complet (accusé de réception) » a eu lieu à temps, le 25 septembre 2026, le président du conseil départemental devait notifier sa décision au plus tard le 25 novembre 2026 ; la date de départ n’est pas connue et le délai peut finir plus tard. Pour la connaître, demandez au département la date du dossier complet indiquée sur l’accusé de réception.');
  const running = computeSchedule(pathwayTemplates.rsa, [{ stepId: 'demande', kind: 'done', date: '2026-01-10' }], { today: '2026-01-20' }).steps.find((x) => x.id === 'orientation');
  assert.equal(running.estimateIf, 'si « Ouverture du droit et inscription à France Travail » a eu lieu dès le 10 janvier 2026');
  assert.doesNotMatch(running.dueText, /France Travail vous oriente/);
  assert.match(running.dueText, /^Date indicative : si « Ouverture du droit et inscription à France Travail » a eu lieu dès le 10 janvier 2026, le département doit décider de votre orientation au plus tard le 21 février 2026 ; la date de départ n’est pas connue et le délai peut finir plus tard\./);
  // every administration deadline that can be estimated says which date to ask for
  for (const t of Object.values(pathwayTemplates)) {
    for (const st of t.steps) {
      const d = st.deadline;
      if (!d || d.owner !== 'administration' || d.indicative || st.optional || d.from.event === 'started' || d.from.event === 'lapsed') continue;
      assert.ok(d.askFor, `${t.id}.${st.id}: askFor`);
    }
  }
});

test('a person’s deadline ending on a Sunday: passed « à confirmer » until the next working day', () => {
  const events = [
    { stepId: 'depot', kind: 'done', date: '2026-09-01' },
    { stepId: 'complet', kind: 'done', date: '2026-09-10' },
    { stepId: 'visite', kind: 'done', date: '2026-09-20' },
    { stepId: 'plan', kind: 'done', date: '2026-10-01' },
  ];
  const monday = computeSchedule(pathwayTemplates['apa-domicile'], events, { today: '2026-10-12' }).steps.find((x) => x.id === 'reponse-plan');
  assert.equal(monday.dueMayMoveTo, '2026-10-12');
  assert.equal(monday.dueText, 'Le délai pour répondre au plan d’aide (l’accepter ou faire vos observations) a expiré le 11 octobre 2026 (à confirmer : ce jour était un dimanche ; le délai est peut-être reporté au 12 octobre 2026) : sans réponse de votre part, la demande est réputée refusée.');
  const recours = computeSchedule(pathwayTemplates.mdph, [{ stepId: 'depot', kind: 'done', date: '2026-03-12' }], { today: '2026-07-20' }).steps.find((x) => x.id === 'recours');
  assert.equal(recours.dueMayMoveTo, null, 'the recours moves by rule (CPC 642): nothing left to confirm');
});

test('templates: the public wording of the review (urgences, EHPAD entry, RSA weeks)', () => {
  const apaUrgence = pathwayTemplates['apa-domicile'].steps.find((x) => x.id === 'urgence');
  assert.match(apaUrgence.action, /demandez-la au département/);
  assert.match(apaUrgence.action, /jusqu’à la fin du délai de 2 mois dont le département dispose pour décider/);
  assert.doesNotMatch(apaUrgence.action, /jusqu’à la décision/);
  const pchUrgence = pathwayTemplates.pch.steps.find((x) => x.id === 'urgence');
  assert.match(pchUrgence.action, /sur papier libre à la MDPH, qui transmet votre demande au département/);
  assert.equal(pchUrgence.deadline.legal, 'CASF R245-36 ; arrêté du 27 juin 2006');
  assert.match(pathwayTemplates['ehpad-admission'].steps.find((x) => x.id === 'entree').action, /^Les délais du contrat de séjour courent à partir du jour de l’entrée/);
  const orientation = pathwayTemplates.rsa.steps.find((x) => x.id === 'orientation').deadline;
  assert.deepEqual([orientation.amount, orientation.unit], [6, 'weeks']);
  const ppe = pathwayTemplates['protection-enfance'].steps.find((x) => x.id === 'ppe').deadline;
  assert.match(ppe.legal, /^Décret 2016-1283/);
  assert.equal(ppe.toVerify, true);
  for (const t of Object.values(pathwayTemplates)) assert.doesNotMatch(JSON.stringify(t), /RAPO|42 jours|à défaut à cette date|habilitation-aide-sociale/, t.id);
  assert.deepEqual(pathwayTemplates.pch.steps.map((x) => x.id), ['demande', 'urgence', 'evaluation', 'ppc', 'decision', 'notification', 'recours', 'versement', 'controle']);
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

test('skipped steps, alternatives (branches); an optional step is late only once its deadline runs and has passed', () => {
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
  assert.equal(status(mdph).recours, 'overdue', 'an appeal not made 2 months after the notification is late');
  assert.equal(mdph.steps.find((x) => x.id === 'recours').dueText, 'Le délai pour contester la décision par écrit auprès de la MDPH (recours administratif préalable obligatoire) semble avoir expiré le 10 mars 2026.');
  const early = computeSchedule(pathwayTemplates.mdph, [{ stepId: 'depot', kind: 'done', date: '2026-01-10' }], { today: '2026-03-01' });
  assert.equal(status(early).recours, 'upcoming', 'no notification, no implicit rejection yet: the appeal deadline does not run');
  assert.equal(early.steps.find((x) => x.id === 'recours').dueOn, null);
});

test('ruptures: advice in plain French, the recent one first in the next action', () => {
  const s = computeSchedule(pathwayTemplates.mdph, [
    { stepId: 'depot', kind: 'done', date: '2026-03-12' },
    { kind: 'demenagement', date: '2026-03-30' },
    { kind: 'hospitalisation', date: '2026-05-02' },
  ], { today: '2026-05-10' });
  assert.deepEqual(s.ruptures.map((r) => r.kind), ['hospitalisation', 'demenagement']);
  assert.match(s.nextAction, /^Une hospitalisation peut retarder/);
  const majorite = computeSchedule(pathwayTemplates.mdph, [{ kind: 'majorite', date: '2026-03-01' }], { today: '2026-03-02' }).ruptures[0].advice;
  assert.match(majorite, /^Entre 18 et 20 ans/);
  assert.match(majorite, /l’AEEH peut être versée jusqu’à 20 ans, l’AAH à partir de 20 ans \(dès 16 ans dans certains cas\)/);
  assert.doesNotMatch(majorite, /Au passage à la majorité/);
});

test('facts: unknown facts are refused in French; declared facts apply variants', () => {
  assert.throws(() => computeSchedule(pathwayTemplates['ehpad-admission'], [], { today: '2026-03-01', facts: ['habilitation-aide-sociale'] }), (e) => e instanceof PathwayDataError && e.field === 'facts[0]' && /la situation « habilitation-aide-sociale » n’est pas prévue par le modèle « ehpad-admission » \(sejour-permanent\)/.test(e.message));
  const bad = structuredClone(pathwayTemplates['ehpad-admission']);
  bad.steps[8].deadline.appliesIf = 'inconnu';
  assert.throws(() => parseTemplate(bad), /steps\[8\]\.deadline\.appliesIf : la situation « inconnu » n’est pas déclarée dans facts/);
  const s = computeSchedule(pathwayTemplates['ehpad-admission'], [{ stepId: 'entree', kind: 'started', date: '2026-03-02' }], { today: '2026-03-10' });
  assert.match(s.steps.find((x) => x.id === 'contrat').deadlineText, /^si « le séjour prévu dure plus de 2 mois \(hébergement permanent\) » : 15 jours après « Entrée dans l’établissement »/);
  assert.equal(s.steps.find((x) => x.id === 'contrat').condition, 'Le séjour prévu dure plus de 2 mois (hébergement permanent)');
});

test('readable legal references for the public', () => {
  assert.equal(readableLegal('CASF R232-7'), 'article R232-7 du code de l’action sociale et des familles');
  assert.equal(readableLegal('CSP R1112-1-2'), 'article R1112-1-2 du code de la santé publique');
  assert.equal(readableLegal('Code du travail D5411-14-1'), 'article D5411-14-1 du code du travail');
  assert.equal(readableLegal('CASF L223-1-1 ; décret 2016-1283'), 'article L223-1-1 du code de l’action sociale et des familles ; décret 2016-1283');
  assert.equal(readableLegal('CASF L311-4 et D311'), 'articles L311-4 et D311 du code de l’action sociale et des familles');
  assert.equal(readableLegal('CSS R142-1-A'), 'article R142-1-A du code de la sécurité sociale');
  assert.equal(readableLegal('CPC 642'), 'article 642 du code de procédure civile');
  assert.equal(readableLegal('CJA R421-5'), 'article R421-5 du code de justice administrative');
  assert.equal(frenchDate('2026-04-01'), '1er avril 2026');
});

test('a dossier complet dated before the dépôt is refused', () => {
  assert.throws(
    () => computeSchedule(pathwayTemplates['apa-domicile'], [{ stepId: 'depot', kind: 'done', date: '2026-09-10' }, { stepId: 'depot', kind: 'complete', date: '2026-09-01' }], { today: '2026-09-20' }),
    (e) => e.field === 'events[1].date' && /events\[1\]\.date : le dossier complet est daté du 1er septembre 2026, avant « Dépôt du dossier » \(10 septembre 2026\)/.test(e.message),
  );
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

test('every shipped deadline says whose it is, what must be done, and (for the administration) who', () => {
  for (const [id, t] of Object.entries(pathwayTemplates)) {
    for (const s of t.steps.filter((x) => x.deadline)) {
      const d = s.deadline;
      assert.ok(d.owner === 'person' || d.owner === 'administration', `${id}.${s.id}: owner`);
      assert.ok(d.task, `${id}.${s.id}: task`);
      if (d.owner === 'administration') assert.ok(d.by, `${id}.${s.id}: by`);
      assert.ok(d.legal, `${id}.${s.id}: legal reference`);
      assert.doesNotMatch(d.legal, /à vérifier/, `${id}.${s.id}: « à vérifier » is data (toVerify), not text`);
    }
    for (const s of t.steps) assert.doesNotMatch(s.legal ?? '', /à vérifier/, `${id}.${s.id}: step legal`);
  }
  const owners = Object.values(pathwayTemplates).flatMap((t) => t.steps.filter((x) => x.deadline?.owner === 'person').map((x) => `${t.id}.${x.id}`));
  assert.deepEqual(owners, ['mdph.ppc', 'mdph.recours', 'pch.ppc', 'pch.recours', 'apa-domicile.reponse-plan', 'ehpad-admission.retractation']);
  // the recours: CPC 641-642 end, never said certainly lost
  for (const t of [pathwayTemplates.mdph, pathwayTemplates.pch]) {
    const d = t.steps.find((x) => x.id === 'recours').deadline;
    assert.deepEqual([d.nextWorkingDay, d.ifNotified, d.from.step, d.from.event], [true, true, 'notification', 'done'], t.id);
  }
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
  bad.steps[3].deadline.unit = 'fortnights';
  assert.throws(() => parseTemplate(bad), (e) => e instanceof PathwayDataError && e.field === 'steps[3].deadline.unit' && /valeur non reconnue/.test(e.message));
  const dup = structuredClone(pathwayTemplates.rsa);
  dup.steps[1].id = 'demande';
  assert.throws(() => parseTemplate(dup), /steps\[1\]\.id : l’identifiant « demande » est en double/);
  const ref = structuredClone(pathwayTemplates.rsa);
  ref.steps[3].deadline.from.step = 'nulle-part';
  assert.throws(() => parseTemplate(ref), /steps\[3\]\.deadline\.from\.step/);
  assert.throws(() => parseTemplate({ id: 'x', label: 'X', steps: [] }), /steps : vide/);
  const metBy = structuredClone(pathwayTemplates.mdph);
  metBy.steps[6].deadline.metBy = 'done';
  assert.throws(() => parseTemplate(metBy), (e) => e instanceof PathwayDataError && e.field === 'steps[6].deadline.metBy');
  const lapsed = structuredClone(pathwayTemplates.mdph);
  lapsed.steps[6].deadline.orFrom = { step: 'evaluation', event: 'lapsed' };
  assert.throws(() => parseTemplate(lapsed), (e) => e.field === 'steps[6].deadline.orFrom.event' && /l’étape « evaluation » ait un délai avec une règle de silence/.test(e.message));
  const orFrom = structuredClone(pathwayTemplates.mdph);
  orFrom.steps[6].deadline.orFrom.step = 'nulle-part';
  assert.throws(() => parseTemplate(orFrom), /steps\[6\]\.deadline\.orFrom\.step : l’étape « nulle-part » n’existe pas/);
  assert.throws(() => computeSchedule(pathwayTemplates.rsa, [{ stepId: 'inconnue', kind: 'done', date: '2026-01-01' }], { today: '2026-01-02' }), /events\[0\]\.stepId : l’étape « inconnue » n’existe pas/);
  assert.throws(() => computeSchedule(pathwayTemplates.rsa, [{ stepId: 'demande', kind: 'done', date: '2026-02-30' }], { today: '2026-03-01' }), (e) => e.field === 'events[0].date');
  assert.throws(() => computeSchedule(pathwayTemplates.rsa, [{ kind: 'done', date: '2026-02-03' }], { today: '2026-03-01' }), /doit nommer son étape/);
});
