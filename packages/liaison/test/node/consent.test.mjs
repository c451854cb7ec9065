// The consent regimes and the one record, checked against the texts. Expected values are written from the texts as
// read by the legal reviewer (review F1–F17: CSP L1110-4, L1110-12, R1110-1 to R1110-3, D1110-3-1, D1110-3-4; CASF
// L226-2-2, L112-3; Code civil art. 457-1, 459; RGPD art. 13) BEFORE the code was changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONSENT_REGIMES, REGIMES, INFORMATION_VERSION, CONSENT_TO_VERIFY, COVERED_QUESTION, representation, checkConsent, buildConsentRecord, mayShare, checkConsentRecord,
  informationText, informationDigest, regimesFor, personContext, checkNotice, noticeMissingMessage, liaisonTemplates,
} from '@relais/liaison/headless';

const dlu = liaisonTemplates['dlu-domicile'];
const ori = liaisonTemplates.orientation;
const NOW = new Date('2026-12-02T09:30:00Z');
const base = { covered: 'oui', method: 'oral', collectedBy: 'Claire Petit, CESF', by: 'personne' };
const ADULT = { minor: false };
const MINOR = { minor: true };
const NOTICE = {
  controller: 'CCAS de Clamecy', contact: 'ccas@clamecy.example, 03 86 00 00 01', dpo: 'dpo@clamecy.example',
  retention: '2 ans après la fin de l’accompagnement', receiver: 'Département de la Nièvre, service APA', access: 'les travailleurs sociaux et le médecin de l’équipe APA',
};

test('F1/F2: each regime on its articles — R1110-3 is the information before an exchange (I) or a team sharing (II); D1110-3-1 the consent outside the team; IV (objection) everywhere', () => {
  assert.equal(REGIMES['hors-equipe'].legalBasis, 'Code de la santé publique, art. L1110-4 III (2e alinéa) et IV ; D1110-3-1');
  assert.doesNotMatch(REGIMES['hors-equipe'].legalBasis, /R1110-3/, 'R1110-3 is not the consent outside the team');
  assert.equal(REGIMES.echange.legalBasis, 'Code de la santé publique, art. L1110-4 II et IV ; R1110-1 à R1110-3 I');
  assert.equal(REGIMES['equipe-de-soins'].legalBasis, 'Code de la santé publique, art. L1110-4 III (1er alinéa) et IV ; L1110-12 ; D1110-3-4 ; R1110-3 II');
  assert.match(REGIMES['protection-enfance'].legalBasis, /action sociale et des familles, art\. L226-2-2/);
  // the list of what the information says is D1110-3-1, to verify; withdrawal article from memory, to verify
  assert.ok(CONSENT_TO_VERIFY.some((x) => /^CSP D1110-3-1/.test(x) && /aucun texte ne l’exige/.test(x)));
  assert.ok(CONSENT_TO_VERIFY.some((x) => /D1110-3-2/.test(x)));
  assert.ok(!CONSENT_TO_VERIFY.some((x) => /^CSP R1110-3 : liste exacte/.test(x)), 'item 2 rewritten');
  assert.deepEqual(CONSENT_REGIMES.map((r) => REGIMES[r].asks), ['consentement', 'opposition', 'opposition', 'information', 'consentement']);
  for (const r of CONSENT_REGIMES) for (const d of REGIMES[r].decisions) assert.doesNotMatch(d.label, /\bj[’']accepte|\bje\b/i, d.label);
});

test('F3: outside R1110-2 (a bailleur, France Travail…) only the express agreement is offered, and L1110-4 is said not to apply', () => {
  assert.match(COVERED_QUESTION.legend, /article R1110-2/);
  assert.match(COVERED_QUESTION.hint, /périmètre de leurs missions \(CSP R1110-1 2°\)/);
  assert.deepEqual(regimesFor(ori, 'non', ADULT), [{ id: 'accord-expres', recommended: false }]);
  assert.match(REGIMES['accord-expres'].legalBasis, /L1110-4\) ne s’applique pas/);
  assert.deepEqual(regimesFor(ori, '', ADULT), [], 'nothing before the prior question');
  assert.deepEqual(checkConsent(ori, { ...base, covered: undefined, regime: 'hors-equipe', decision: 'consentement' }).map((e) => e.field), ['covered'], 'the regime is chosen after the prior question');
  const errs = checkConsent(ori, { ...base, covered: 'non', regime: 'equipe-de-soins', decision: 'pas-d-opposition' });
  assert.equal(errs[0].field, 'regime');
  assert.match(errs[0].message, /seul l’accord exprès de la personne permet l’envoi/);
  const ok = buildConsentRecord(ori, { ...base, covered: 'non', regime: 'accord-expres', decision: 'consentement' }, undefined, NOW);
  assert.equal(mayShare(ok), true);
  assert.deepEqual(checkConsentRecord(ok), []);
  assert.equal(mayShare({ ...ok, decision: 'refus' }), false);
});

test('F4/F5: outside the team listed first; équipe de soins = direct participation plus one of the three L1110-12 cases; an orientation recommends outside the team', () => {
  assert.deepEqual(regimesFor(dlu, 'oui', ADULT).map((o) => o.id), ['hors-equipe', 'equipe-de-soins', 'echange']);
  const team = REGIMES['equipe-de-soins'].when;
  assert.match(team, /participez directement à la prise en charge/);
  assert.match(team, /1° .*même établissement de santé ou le même établissement ou service social ou médico-social.*D1110-3-4/);
  assert.match(team, /2° la personne vous reconnaît comme son équipe : elle s’adresse à vous pour les consultations et actes prescrits par un médecin à qui elle a confié sa prise en charge/);
  assert.match(team, /3° .*organisation formalisée.*cahier des charges fixé par arrêté/);
  assert.doesNotMatch(team, /équipe reconnue par la personne\)/, 'the loose hint is gone');
  assert.match(REGIMES['hors-equipe'].when, /ou vous n’en êtes pas sûr/);
  assert.match(REGIMES.echange.when, /Si le destinataire ne suit pas encore la personne \(orientation\), l’accord est nécessaire/);
  const offers = regimesFor(ori, 'oui', ADULT);
  assert.deepEqual(offers[0], { id: 'hors-equipe', recommended: true });
  assert.ok(offers.slice(1).every((o) => !o.recommended));
});

test('F6: child protection only for a minor, never for the DLU-Dom; its conditions in the « when »; its own « Pourquoi »; nobody recorded when the parents were not informed', () => {
  assert.ok(!regimesFor(ori, 'oui', ADULT).some((o) => o.id === 'protection-enfance'), 'not for an adult');
  assert.ok(regimesFor(ori, 'oui', MINOR).some((o) => o.id === 'protection-enfance'), 'for a minor');
  assert.ok(!regimesFor(dlu, 'oui', MINOR).some((o) => o.id === 'protection-enfance'), 'not for the DLU-Dom');
  assert.match(REGIMES['protection-enfance'].when, /Seulement pour un mineur/);
  assert.match(REGIMES['protection-enfance'].when, /soumis au secret professionnel.*L112-3/);
  assert.match(REGIMES['protection-enfance'].when, /strictement limité/);
  assert.equal(checkConsent(ori, { ...base, regime: 'protection-enfance', decision: 'parents-informes' }, undefined, ADULT)[0].field, 'regime');
  assert.match(checkConsent(dlu, { ...base, recipient: 'urgences', regime: 'protection-enfance', decision: 'parents-informes' }, undefined, MINOR)[0].message, /DLU-Dom/);
  const why = (t) => informationText(ori, t, undefined, undefined, NOTICE).parts.find((p) => p.heading === 'Pourquoi').text;
  assert.match(why('protection-enfance'), /^Pour évaluer la situation de l’enfant/);
  assert.doesNotMatch(why('protection-enfance'), /vous soyez aidé/);
  const hidden = buildConsentRecord(ori, { ...base, by: undefined, regime: 'protection-enfance', decision: 'information-contraire-interet', childInterestReason: ' Danger. ', childInformed: true }, undefined, NOW, MINOR);
  assert.equal(hidden.by, 'aucun', 'nobody was informed');
  assert.equal(hidden.childInterestReason, 'Danger.');
  assert.deepEqual(checkConsentRecord(hidden), []);
  assert.equal(buildConsentRecord(ori, { ...base, regime: 'protection-enfance', decision: 'parents-informes' }, undefined, NOW, MINOR).by, 'representant');
  assert.match(checkConsentRecord({ ...hidden, by: 'representant' })[0], /incohérent/);
});

test('F7: a minor — the holders of parental authority answer, the minor’s view sought; the minor alone cannot', () => {
  assert.deepEqual(personContext({ date_naissance: '2020-05-01' }, NOW), { minor: true });
  assert.deepEqual(personContext({ date_naissance: '2008-12-02' }, NOW), { minor: false }, '18 today');
  assert.deepEqual(personContext({ date_naissance: '2008-12-03' }, NOW), { minor: true }, '18 tomorrow');
  assert.deepEqual(personContext({ personne_naissance: '1941-03-27', autorite_parentale: 'Paul Martin, 06 00 00 00 00' }, NOW), { minor: true });
  assert.deepEqual(personContext({}, NOW), { minor: false });
  const rep = representation('aucune', MINOR);
  assert.equal(rep.rule, 'parents');
  assert.equal(rep.role, 'le ou les titulaires de l’autorité parentale');
  assert.match(rep.explanation, /selon son âge et sa maturité/);
  const input = { ...base, recipient: 'urgences', regime: 'hors-equipe', decision: 'consentement' };
  assert.deepEqual(checkConsent(dlu, input, 'aucune', MINOR).map((e) => e.field), ['by'], 'the minor alone cannot answer');
  assert.deepEqual(checkConsent(dlu, { ...input, by: 'representant' }, 'aucune', MINOR).map((e) => e.field), ['representativeName']);
  const r = buildConsentRecord(dlu, { ...input, by: 'representant', representativeName: 'Paul et Anne Martin', childInformed: true }, 'aucune', NOW, MINOR);
  assert.deepEqual(r.representative, { role: 'le ou les titulaires de l’autorité parentale', name: 'Paul et Anne Martin' });
  assert.equal(r.minor, true);
  assert.equal(r.childInformed, true);
  assert.ok(CONSENT_TO_VERIFY.some((x) => /L1111-5/.test(x)));
});

test('F8: information impossible (urgency, state of the person) — a reason and a follow-up, nobody recorded as answering; not offered outside the team', () => {
  for (const regime of ['echange', 'equipe-de-soins']) assert.ok(REGIMES[regime].decisions.some((d) => d.value === 'information-impossible' && d.sends), regime);
  assert.ok(!REGIMES['hors-equipe'].decisions.some((d) => d.value === 'information-impossible'), 'outside the team the prior consent is needed');
  const input = { ...base, by: undefined, recipient: 'urgences', regime: 'equipe-de-soins', decision: 'information-impossible' };
  assert.deepEqual(checkConsent(dlu, input).map((e) => e.field), ['impossibleReason', 'followUp']);
  const r = buildConsentRecord(dlu, { ...input, impossibleReason: 'Inconsciente à l’arrivée des secours', followUp: 'L’infirmière du SSIAD, à son retour' }, 'aucune', NOW);
  assert.equal(r.by, 'aucun');
  assert.equal(r.followUp, 'L’infirmière du SSIAD, à son retour');
  assert.deepEqual(checkConsentRecord(r), []);
  assert.match(checkConsentRecord({ ...r, followUp: '' }).join(), /qui informera la personne/);
});

test('F10: art. 459 — the judge authorised the representation; the 459 test wording; the protected person informed herself', () => {
  for (const m of [undefined, 'aucune', 'sauvegarde', 'curatelle']) {
    assert.equal(representation(m).rule, 'never', String(m));
    assert.deepEqual(checkConsent(ori, { ...base, regime: 'hors-equipe', decision: 'consentement', by: 'representant' }, m).map((e) => e.field), ['by'], String(m));
  }
  assert.match(representation('habilitation-familiale').condition, /le juge a autorisé la personne habilitée à la représenter pour les décisions relatives à sa personne/);
  for (const m of ['tutelle', 'habilitation-familiale', 'mandat-protection-future']) {
    assert.match(representation(m).condition, /^L’état de la personne ne lui permet pas de prendre seule une décision personnelle éclairée/, m);
    assert.doesNotMatch(representation(m).condition, /exprimer sa volonté/, m);
  }
  assert.match(representation('mandat-protection-future').explanation, /à vérifier/);
  for (const [m, role] of [['tutelle', 'le tuteur'], ['habilitation-familiale', 'la personne habilitée'], ['mandat-protection-future', 'le mandataire']]) {
    const input = { ...base, regime: 'hors-equipe', decision: 'consentement', by: 'representant' };
    assert.deepEqual(checkConsent(ori, input, m).map((e) => e.field), ['representativeName', 'representativeConfirmed', 'protectedPersonInformed'], m);
    const record = buildConsentRecord(ori, { ...input, representativeName: 'Paul Martin', representativeConfirmed: true, protectedPersonInformed: true }, m, NOW);
    assert.deepEqual(record.representative, { role, name: 'Paul Martin' });
    assert.equal(record.representativeConfirmed, true, 'F11: stored');
    assert.equal(record.protectedPersonInformed, true);
  }
});

test('the information says who informs the person and when, the first of a month as « 1er »', () => {
  const who = (date) => informationText(ori, 'hors-equipe', undefined, 'Plateforme de répit', NOTICE, { date, professional: 'Claire Petit' }).parts.find((p) => p.heading === 'Qui vous informe').text;
  assert.match(who(new Date('2026-12-01T10:00:00Z')), /^Claire Petit, .*, le 1er décembre 2026/);
  assert.match(who(new Date('2026-12-02T10:00:00Z')), /, le 2 décembre 2026/);
});

test('F11: the record stores the exact text’s SHA-256 and whether a copy was given; a receiver refuses a record without regime, method or author', async () => {
  const info = informationText(ori, 'hors-equipe', undefined, 'Plateforme de répit', NOTICE);
  const digest = await informationDigest(info);
  assert.match(digest, /^[0-9a-f]{64}$/);
  assert.notEqual(digest, await informationDigest(informationText(ori, 'equipe-de-soins', undefined, 'Plateforme de répit', NOTICE)), 'the text varies with the regime');
  const record = buildConsentRecord(ori, { ...base, regime: 'hors-equipe', decision: 'consentement', textSha256: digest, copyGiven: true }, undefined, NOW);
  assert.equal(record.textSha256, digest);
  assert.equal(record.copyGiven, true);
  assert.equal(record.textVersion, INFORMATION_VERSION);
  assert.deepEqual(checkConsentRecord(record), []);
  assert.deepEqual(checkConsentRecord(undefined), ['Le recueil de l’accord (ou de la non-opposition) est obligatoire.']);
  // the old outbox consent (by, recipients, sections, textVersion, at) without regime is refused
  assert.match(checkConsentRecord({ by: 'personne', recipients: ['x'], sections: ['motif'], textVersion: '2026-1', at: '2026-11-23T10:00:00Z' }).join(' '), /Cadre du partage manquant.*Mode de recueil manquant.*Nom du professionnel/);
  assert.match(checkConsentRecord({ ...record, decision: 'refus' })[0], /opposée au partage ou l’a refusé/);
});

test('one record: regime, recipient, only its sections; the DLU return is split between the médecin traitant and the home workers (F13)', () => {
  assert.deepEqual(dlu.recipients.map((r) => [r.id, r.audience]), [['urgences', 'urgences'], ['retour-medecin', 'medecin'], ['retour-intervenants', 'intervenants']]);
  const record = buildConsentRecord(dlu, { ...base, regime: 'equipe-de-soins', decision: 'pas-d-opposition', recipient: 'urgences', method: 'ecrit' }, 'aucune', NOW);
  assert.equal(record.templateVersion, dlu.version);
  assert.deepEqual(record.sections, dlu.recipients[0].sections);
  assert.ok(!record.sections.includes('fiche-retour'));
  assert.deepEqual(checkConsent(dlu, { ...base, regime: 'hors-equipe', decision: 'consentement' }).map((e) => e.field), ['recipient']);
});

test('F9: the information names the site’s controller, DPO, retention, the CNIL, the structure that receives and who there has access; nothing the SDK cannot vouch for', () => {
  const part = (i, h) => i.parts.find((p) => p.heading === h)?.text;
  const info = informationText(dlu, 'hors-equipe', 'urgences', undefined, NOTICE, { date: NOW, professional: 'Claire Petit, CESF', structure: 'CCAS de Clamecy' });
  assert.deepEqual(info.parts.map((p) => p.heading), ['Qui vous informe', 'Pourquoi', 'Ce qui est transmis', 'Ce qui n’est pas transmis', 'À qui', 'Comment', 'Responsable et conservation', 'Vos droits']);
  assert.equal(part(info, 'Qui vous informe'), 'Claire Petit, CESF, CCAS de Clamecy, le 2 décembre 2026 ; contact : ccas@clamecy.example, 03 86 00 00 01.');
  assert.match(part(info, 'À qui'), /^Le service des urgences\. La fiche est reçue par Département de la Nièvre, service APA ; y ont accès : les travailleurs sociaux et le médecin de l’équipe APA\.$/);
  assert.doesNotMatch(part(info, 'À qui'), /Seuls les professionnels qui participent/);
  assert.doesNotMatch(part(info, 'Comment'), /HDS/, 'hosting only when the site says it');
  assert.match(part(informationText(dlu, 'hors-equipe', 'urgences', undefined, { ...NOTICE, hosting: 'Elle est conservée chez un hébergeur certifié HDS' }), 'Comment'), /hébergeur certifié HDS\.$/);
  assert.equal(part(info, 'Responsable et conservation'), 'Responsable du traitement : CCAS de Clamecy (ccas@clamecy.example, 03 86 00 00 01). Délégué à la protection des données : dpo@clamecy.example. Durée de conservation : 2 ans après la fin de l’accompagnement.');
  assert.match(part(info, 'Vos droits'), /réclamation à la CNIL/);
  // the text speaks to the person, never to the professional (« vous-même n’êtes pas un professionnel »)
  assert.match(part(info, 'Pourquoi'), /Cadre : partage avec un professionnel qui ne fait pas partie de votre équipe de soins, avec votre accord \(Code de la santé publique/);
  assert.doesNotMatch(part(informationText(ori, 'accord-expres', undefined, undefined, NOTICE), 'Pourquoi'), /vous-même|R1110-2/);
  assert.match(part(info, 'Vos droits'), /Un retrait vaut pour l’avenir : ce qui a déjà été envoyé ne peut pas être repris/);
  assert.match(part(informationText(ori, 'equipe-de-soins', undefined, undefined, NOTICE), 'Vos droits'), /Une opposition vaut pour l’avenir : ce qui a déjà été envoyé ne peut pas être repris/);
  // what is not sent « n’est pas transmis » (not « reste sur cet appareil »): the fiche retour, the fields the urgences do not see, the door code
  const not = part(info, 'Ce qui n’est pas transmis');
  assert.match(not, /^Fiche retour .*animaux à prendre en charge ; où sont-ils rangés \? ; accès au logement \(code, clés, gardien\) : ces informations ne sont pas transmises\.$/);
  assert.doesNotMatch(not, /restent sur cet appareil/);
  // the notice: every field required, a French message for the webmaster
  assert.deepEqual(checkNotice(NOTICE), []);
  assert.deepEqual(checkNotice(undefined), ['responsable du traitement (controller)', 'contact pour exercer ses droits (contact)', 'délégué à la protection des données (dpo)', 'durée de conservation (retention)', 'structure qui reçoit la fiche (receiver)', 'qui y a accès dans cette structure (access)']);
  assert.deepEqual(checkNotice({ ...NOTICE, dpo: '  ' }), ['délégué à la protection des données (dpo)']);
  assert.match(noticeMissingMessage(['durée de conservation (retention)']), /^Envoi impossible : ce site n’a pas fourni les mentions d’information obligatoires \(durée de conservation \(retention\)\)\. Webmestre : renseignez l’attribut ou la propriété « notice »/);
  assert.match(part(informationText(ori, 'echange'), 'Responsable et conservation'), /ne peut pas être envoyée/);
});
