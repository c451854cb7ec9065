// Renders packages/liaison/FIELDS.md from the shipped templates: per sheet, the models it is built on (with their
// versions), who receives which sections, and per field why it is collected, who sees it, who fills it, its
// sensitivity and the model field it comes from. The test fields-doc.test.mjs fails when the file is out of date;
// regenerate with `node packages/liaison/test/node/fields-doc.mjs` (after `npx tsc -b packages/liaison`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { liaisonTemplates, AUDIENCE_LABELS, isHealthData } from '@relais/liaison/headless';

export const FIELDS_DOC = new URL('../../FIELDS.md', import.meta.url);

const SENSITIVITY = { S0: 'S0 administrative', S1: 'S1 personnelle', S2: 'S2 santé', S3: 'S3 santé, la plus sensible', NIR: 'NIR' };
const AUTHOR = { personne: 'la personne ou un proche', medecin: 'le médecin traitant', professionnel: 'un professionnel', urgences: 'le service des urgences', systeme: 'le système' };

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The document, as text (deterministic: no date, no clock). */
export function renderFieldsDoc(templates = liaisonTemplates) {
  const out = [
    '# Fiches de liaison : chaque champ, pourquoi il est demandé et qui le voit',
    '',
    'Généré depuis les modèles livrés (`packages/liaison/src/templates/`) par `test/node/fields-doc.mjs` ; le test',
    '`fields-doc.test.mjs` échoue si ce fichier n’est plus à jour. « Qui le voit » est appliqué à l’envoi quand le',
    'destinataire nomme son public (`audience`, CSP R1110-1 2°) ; un champ « sur l’appareil seulement » ne quitte jamais',
    'l’appareil (ni export, ni envoi, ni impression sauf sur la fiche papier gardée au domicile si le site l’a prévu).',
    'Les valeurs marquées « à vérifier » le restent tant que le modèle n’a pas été lu.',
    '',
  ];
  for (const t of Object.values(templates)) {
    const fields = t.sections.flatMap((s) => s.fields);
    const count = (k) => fields.filter((f) => f.sensitivity === k).length;
    out.push(`## ${t.title} (\`${t.id}\`, version ${t.version})`, '', cell(t.description), '');
    out.push(`${t.sections.length} parties, ${fields.length} champs : ${count('S0')} S0, ${count('S1')} S1, ${count('S2')} S2, ${count('S3')} S3, ${count('NIR')} NIR (${fields.filter(isHealthData).length} données de santé).`, '');
    out.push('### Modèles officiels cités', '', '| Modèle | Éditeur | Version | Référence | À vérifier |', '|---|---|---|---|---|');
    for (const m of t.models) out.push(`| ${cell(m.title)} (\`${m.id}\`) | ${cell(m.publisher)} | ${cell(m.version)} | ${cell(m.reference)} | ${cell(m.toVerify)} |`);
    out.push('');
    if (t.recipients?.length) {
      out.push('### Destinataires et parties envoyées', '', '| Destinataire | Public | Parties |', '|---|---|---|');
      for (const r of t.recipients) out.push(`| ${cell(r.label)} | ${r.audience ? cell(AUDIENCE_LABELS[r.audience]) : '—'} | ${r.sections.map((id) => cell(t.sections.find((s) => s.id === id).title)).join(' ; ')} |`);
      out.push('');
    }
    if (t.toVerify?.length) {
      out.push('### À vérifier', '');
      for (const x of t.toVerify) out.push(`- ${cell(x)}`);
      out.push('');
    }
    for (const s of t.sections) {
      out.push(`### ${cell(s.title)} (\`${s.id}\`)`, '');
      if (s.modelPart) out.push(`Modèle : ${cell(s.modelPart)}.`, '');
      out.push('| Champ | Sensibilité | Rempli par | Pourquoi | Qui le voit | Champ du modèle | Remarques |', '|---|---|---|---|---|---|---|');
      for (const f of s.fields) {
        const notes = [f.required ? 'obligatoire' : null, f.showIf ? `si « ${f.showIf.field} » ${f.showIf.in ? `parmi ${f.showIf.in.join(', ')}` : `= ${f.showIf.equals}`}` : null, f.deviceOnly ? 'sur l’appareil seulement' : null, f.blocksSending ? 'bloque l’envoi' : null, f.toVerify ? `à vérifier : ${f.toVerify}` : null].filter(Boolean);
        const model = f.modelFields.length ? f.modelFields.map((m) => `${m.model} : ${m.field}`).join(' ; ') : '— (propre à Relais)';
        out.push(`| ${cell(f.label)} (\`${f.id}\`) | ${SENSITIVITY[f.sensitivity]} | ${cell(AUTHOR[f.author] ?? f.author ?? '')} | ${cell(f.purpose)} | ${(f.seenBy ?? []).map((a) => cell(AUDIENCE_LABELS[a])).join(', ')} | ${cell(model)} | ${cell(notes.join(' ; '))} |`);
      }
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(FIELDS_DOC, renderFieldsDoc());
