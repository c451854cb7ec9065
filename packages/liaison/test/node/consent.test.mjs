// The consent regimes and the one record, checked against the texts (CSP L1110-4, R1110-3, L1110-12; CASF L226-2-2;
// Code civil art. 459). Expected values are written from the texts as read in shared/research/liaison_pathway.md §2.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONSENT_REGIMES, REGIMES, INFORMATION_VERSION, CONSENT_TO_VERIFY, representation, checkConsent, buildConsentRecord, mayShare, checkConsentRecord, informationText, liaisonTemplates,
} from '@relais/liaison/headless';

const dlu = liaisonTemplates['dlu-domicile'];
const ori = liaisonTemplates.orientation;
const NOW = new Date('2026-12-02T09:30:00Z');
const base = { method: 'oral', collectedBy: 'Claire Petit, CESF', by: 'personne' };

test('four regimes, each on its article; what each asks of the person', () => {
  assert.deepEqual([...CONSENT_REGIMES], ['echange', 'equipe-de-soins', 'hors-equipe', 'protection-enfance']);
  assert.match(REGIMES.echange.legalBasis, /L1110-4 II$/);
  assert.match(REGIMES['equipe-de-soins'].legalBasis, /L1110-4 III \(1er alinéa\) et L1110-12/);
  assert.match(REGIMES['hors-equipe'].legalBasis, /L1110-4 III \(2e alinéa\) et R1110-3/);
  assert.match(REGIMES['protection-enfance'].legalBasis, /action sociale et des familles, art\. L226-2-2/);
  // exchange and team: prior information and a right to object; outside the team: prior consent; child protection: information
  assert.deepEqual(CONSENT_REGIMES.map((r) => REGIMES[r].asks), ['opposition', 'opposition', 'consentement', 'information']);
  // the professional records what the person said, in the third person, never « j'accepte »
  for (const r of CONSENT_REGIMES) for (const d of REGIMES[r].decisions) assert.doesNotMatch(d.label, /\bj[’']accepte|\bje\b/i, d.label);
  assert.ok(CONSENT_TO_VERIFY.length >= 3, 'what was not read on Légifrance is said');
});

test('an objection or a refusal stops the sharing; no objection, a consent or the information of the parents allows it', () => {
  const cases = [
    ['echange', 'pas-d-opposition', true], ['echange', 'opposition', false],
    ['equipe-de-soins', 'pas-d-opposition', true], ['equipe-de-soins', 'opposition', false],
    ['hors-equipe', 'consentement', true], ['hors-equipe', 'refus', false],
    ['protection-enfance', 'parents-informes', true], ['protection-enfance', 'information-contraire-interet', true],
  ];
  for (const [regime, decision, shares] of cases) {
    const input = { ...base, regime, decision, ...(decision === 'information-contraire-interet' ? { childInterestReason: 'Violences du père, enquête en cours.' } : {}) };
    assert.deepEqual(checkConsent(ori, input), [], `${regime}/${decision}`);
    const record = buildConsentRecord(ori, input, undefined, NOW);
    assert.equal(mayShare(record), shares, `${regime}/${decision}`);
    assert.equal(checkConsentRecord(record).length === 0, shares, `${regime}/${decision} at the receiver`);
  }
  // a decision of another regime is not accepted (« consentement » is not an answer in the team regime)
  assert.deepEqual(checkConsent(ori, { ...base, regime: 'equipe-de-soins', decision: 'consentement' }).map((e) => e.field), ['decision']);
  assert.equal(mayShare({ regime: 'hors-equipe', decision: 'consentement', withdrawnAt: '2026-12-03T00:00:00Z' }), false, 'withdrawn');
  assert.equal(mayShare(null), false);
});

test('one record: regime, the information text’s version (not the template’s), method, author, sections of the recipient', () => {
  const record = buildConsentRecord(dlu, { ...base, regime: 'equipe-de-soins', decision: 'pas-d-opposition', recipient: 'urgences', method: 'ecrit' }, 'aucune', NOW);
  assert.equal(record.textVersion, INFORMATION_VERSION);
  assert.notEqual(record.textVersion, dlu.version);
  assert.equal(record.templateVersion, dlu.version);
  assert.equal(record.regime, 'equipe-de-soins');
  assert.equal(record.decision, 'pas-d-opposition');
  assert.equal(record.method, 'ecrit');
  assert.equal(record.collectedBy, 'Claire Petit, CESF');
  assert.equal(record.by, 'personne');
  assert.equal(record.at, '2026-12-02T09:30:00.000Z');
  assert.deepEqual(record.recipients, ['Les secours et le service des urgences']);
  assert.ok(!record.sections.includes('fiche-retour'), 'the fiche retour is not sent to the emergency department');
  assert.deepEqual(record.sections, dlu.recipients.find((r) => r.id === 'urgences').sections);
  // a sheet with two recipients: the recipient must be chosen
  assert.deepEqual(checkConsent(dlu, { ...base, regime: 'hors-equipe', decision: 'consentement' }).map((e) => e.field), ['recipient']);
  assert.throws(() => buildConsentRecord(dlu, { ...base, regime: 'hors-equipe', decision: 'consentement' }), /Indiquez à qui la fiche est transmise/);
});

test('the step asks every element, in French, in the order of the step', () => {
  assert.deepEqual(checkConsent(ori, {}).map((e) => e.field), ['regime', 'method', 'collectedBy']);
  assert.deepEqual(checkConsent(ori, { regime: 'hors-equipe' }).map((e) => e.field), ['by', 'decision', 'method', 'collectedBy']);
  const msgs = checkConsent(ori, { regime: 'hors-equipe', collectedBy: '   ' }).map((e) => e.message);
  assert.ok(msgs.includes('Indiquez qui a répondu : la personne elle-même ou son représentant.'));
  assert.ok(msgs.includes('Indiquez qui a recueilli la réponse (nom et fonction), par exemple Claire Petit, CESF.'));
  // child protection: who answered is not asked (the parents are informed), the reason is asked when they are not
  assert.deepEqual(checkConsent(ori, { ...base, by: undefined, regime: 'protection-enfance', decision: 'information-contraire-interet' }).map((e) => e.field), ['childInterestReason']);
  const child = buildConsentRecord(ori, { ...base, regime: 'protection-enfance', decision: 'information-contraire-interet', childInterestReason: ' Danger. ', childInformed: true }, undefined, NOW);
  assert.equal(child.by, 'representant');
  assert.equal(child.childInterestReason, 'Danger.');
  assert.equal(child.childInformed, true);
});

test('a representative only where the measure allows it (Code civil art. 459)', () => {
  // no measure, sauvegarde de justice, curatelle: the person answers herself
  for (const m of [undefined, 'aucune', 'sauvegarde', 'curatelle']) {
    assert.equal(representation(m).rule, 'never', String(m));
    const errs = checkConsent(ori, { ...base, regime: 'hors-equipe', decision: 'consentement', by: 'representant' }, m);
    assert.deepEqual(errs.map((e) => e.field), ['by'], String(m));
  }
  assert.match(representation('curatelle').explanation, /assister, pas décider à sa place \(Code civil, art\. 459\)/);
  // tutelle, habilitation familiale, mandat de protection future: only if the judgment (or mandate) provides it
  for (const [m, role] of [['tutelle', 'le tuteur'], ['habilitation-familiale', 'la personne habilitée'], ['mandat-protection-future', 'le mandataire']]) {
    const rep = representation(m);
    assert.equal(rep.rule, 'if-provided', m);
    assert.equal(rep.role, role);
    const input = { ...base, regime: 'hors-equipe', decision: 'consentement', by: 'representant' };
    assert.deepEqual(checkConsent(ori, input, m).map((e) => e.field), ['representativeName', 'representativeConfirmed'], m);
    const record = buildConsentRecord(ori, { ...input, representativeName: 'Paul Martin', representativeConfirmed: true }, m, NOW);
    assert.deepEqual(record.representative, { role, name: 'Paul Martin' });
    assert.equal(record.by, 'representant');
  }
  assert.match(checkConsent(ori, { ...base, regime: 'echange', decision: 'pas-d-opposition', by: 'representant', representativeName: 'P' }, 'tutelle')[0].message, /jugement prévoit que le tuteur la représente/);
});

test('the information (R1110-3) in plain French: categories, recipients, supports, security, rights by regime, versioned', () => {
  const info = informationText(dlu, 'hors-equipe', 'urgences');
  assert.equal(info.version, INFORMATION_VERSION);
  const part = (i, h) => i.parts.find((p) => p.heading === h).text;
  assert.deepEqual(info.parts.map((p) => p.heading), ['Pourquoi', 'Ce qui est transmis', 'Ce qui n’est pas transmis', 'À qui', 'Comment', 'Vos droits']);
  assert.match(part(info, 'Ce qui est transmis'), /^Identité et lieu de vie ; Protection juridique et proches ;.*Fiche aller \(au moment de l’urgence\)\. Certaines de ces informations concernent votre santé\.$/);
  assert.match(part(info, 'Ce qui n’est pas transmis'), /Fiche retour .* ; accès au logement \(code, clés, gardien\) : ces informations restent sur cet appareil\./);
  assert.match(part(info, 'À qui'), /^Les secours et le service des urgences\./);
  assert.match(part(info, 'Comment'), /chiffrée.*connexion sécurisée.*(HDS)/);
  assert.match(part(info, 'Vos droits'), /Rien n’est envoyé sans votre accord.*retirer votre accord plus tard/);
  assert.match(part(informationText(ori, 'equipe-de-soins'), 'Vos droits'), /vous opposer à ce partage, maintenant ou plus tard/);
  assert.match(part(informationText(ori, 'protection-enfance'), 'Vos droits'), /informés avant, sauf si c’est contraire à l’intérêt de l’enfant/);
  assert.match(part(informationText(ori, 'echange', undefined, 'Plateforme de répit'), 'À qui'), /^Plateforme de répit\./);
  assert.match(part(informationText(ori, 'echange'), 'Ce qui n’est pas transmis'), /^Rien d’autre/);
});

test('a receiver refuses an objection, a refusal, a missing method or author', () => {
  assert.deepEqual(checkConsentRecord(undefined), ['Le recueil de l’accord (ou de la non-opposition) est obligatoire.']);
  const ok = buildConsentRecord(ori, { ...base, regime: 'hors-equipe', decision: 'consentement' }, undefined, NOW);
  assert.deepEqual(checkConsentRecord(ok), []);
  assert.match(checkConsentRecord({ ...ok, decision: 'refus' })[0], /opposée au partage ou l’a refusé/);
  assert.deepEqual(checkConsentRecord({ ...ok, method: undefined, collectedBy: '' }), ['Mode de recueil manquant (oral ou écrit).', 'Nom du professionnel qui a recueilli la réponse manquant.']);
  assert.match(checkConsentRecord({ ...ok, regime: 'tacite' })[0], /Cadre du partage inconnu/);
});
