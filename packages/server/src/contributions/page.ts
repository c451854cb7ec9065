/**
 * The confirmation page a structure opens from its e-mail: HTML served by the server, in French, without script, under
 * a strict Content-Security-Policy (nothing loads but its own stylesheet, given by hash; forms post to the page
 * itself). Every value from the directory is escaped: a record's text never becomes markup.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Champ, Service, Structure } from '@relais/core/headless';
import { currentValue } from './store.js';

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:42rem;margin:1rem auto;padding:0 1rem;color:#161616}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
label{display:block;font-weight:600;margin-top:.75rem}input[type=text],input[type=email],input[type=tel],textarea{width:100%;box-sizing:border-box;font:inherit;padding:.4rem}
button{font:inherit;padding:.5rem 1rem;margin-top:1rem}.hint{font-weight:400;color:#3a3a3a}.error{color:#b30000;border-left:4px solid #b30000;padding-left:.5rem}
fieldset{margin-top:1.5rem}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** The page's Content-Security-Policy: no script, no remote anything, forms to itself only. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>`;
}

/** Sends a page with its headers (CSP, no cache, no referrer: the URL holds the token). */
export function sendPage(res: ServerResponse, status: number, title: string, body: string): void {
  const html = layout(title, body);
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': PAGE_CSP,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  });
  res.end(html);
}

/** The fields the structure can correct on the page, with their input. */
export const PAGE_FIELDS: ReadonlyArray<{ champ: Champ; label: string; type: 'tel' | 'email' | 'text' | 'textarea'; hint?: string }> = [
  { champ: 'telephone', label: 'Téléphone', type: 'tel' },
  { champ: 'courriel', label: 'Adresse électronique', type: 'email' },
  { champ: 'adresse', label: 'Adresse', type: 'text', hint: 'Par exemple : 3 rue de la Paix, 58500 Clamecy' },
  { champ: 'horaires_accueil', label: 'Horaires d’accueil', type: 'text', hint: 'Par exemple : du lundi au vendredi, 9 h – 12 h' },
  { champ: 'description', label: 'Description', type: 'textarea' },
];

const dateFr = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));

/** The page of a live link: the record as the directory shows it, « c’est exact », and a correction form. */
export function confirmationPage(r: { service: Service; structure: Structure | null }, error: string | null = null): { title: string; body: string } {
  const s = r.service;
  const title = `Votre fiche « ${s.nom} » est-elle à jour ?`;
  const rows = PAGE_FIELDS.map((f) => {
    const v = currentValue(r, f.champ);
    return `<dt>${escapeHtml(f.label)}</dt><dd>${v ? escapeHtml(v) : '<em>non renseigné</em>'}</dd>`;
  }).join('\n');
  const inputs = PAGE_FIELDS.map((f) => {
    const v = currentValue(r, f.champ) ?? '';
    const id = `champ-${f.champ}`;
    const hint = f.hint ? ` <span class="hint" id="${id}-aide">${escapeHtml(f.hint)}</span>` : '';
    const described = f.hint ? ` aria-describedby="${id}-aide"` : '';
    const control =
      f.type === 'textarea'
        ? `<textarea id="${id}" name="${f.champ}" rows="5" maxlength="2000">${escapeHtml(v)}</textarea>`
        : `<input id="${id}" name="${f.champ}" type="${f.type}" maxlength="2000" value="${escapeHtml(v)}"${described}>`;
    return `<label for="${id}">${escapeHtml(f.label)}${hint}</label>${control}`;
  }).join('\n');
  const body = `<h1>${escapeHtml(title)}</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<p>Service de ${escapeHtml(r.structure?.nom ?? s.structure_id)}, mis à jour le ${escapeHtml(dateFr(s.date_maj))} dans l’annuaire.</p>
<dl>
${rows}
</dl>
<form method="post">
<input type="hidden" name="action" value="confirmer">
<button type="submit">Ces informations sont exactes</button>
</form>
<form method="post">
<fieldset><legend>Proposer une correction</legend>
<p class="hint">Modifiez ce qui a changé : l’équipe de l’annuaire relit la correction avant de l’appliquer.</p>
<input type="hidden" name="action" value="corriger">
${inputs}
<label for="champ-ferme"><input id="champ-ferme" type="checkbox" name="ferme" value="1"> Ce service n’existe plus</label>
<label for="champ-commentaire">Commentaire <span class="hint">(facultatif)</span></label><textarea id="champ-commentaire" name="commentaire" rows="3" maxlength="2000"></textarea>
<button type="submit">Envoyer la correction</button>
</fieldset>
</form>
<p class="hint">Ce lien ne sert qu’une fois.</p>`;
  return { title, body };
}

/** The page of a used or expired link. */
export const GONE_PAGE = {
  title: 'Lien déjà utilisé ou expiré',
  body: '<h1>Lien déjà utilisé ou expiré</h1><p>Ce lien de confirmation a déjà servi ou n’est plus valable. Si la fiche doit encore être corrigée, répondez au courriel reçu ou utilisez « Signaler une erreur » dans l’annuaire.</p>',
};

/** The page after a confirmation or a correction. */
export function donePage(statut: 'confirmee' | 'correction_recue'): { title: string; body: string } {
  return statut === 'confirmee'
    ? { title: 'Fiche confirmée', body: '<h1>Merci, la fiche est confirmée</h1><p>L’annuaire indique désormais qu’elle a été vérifiée aujourd’hui.</p>' }
    : { title: 'Correction reçue', body: '<h1>Merci, votre correction est reçue</h1><p>L’équipe de l’annuaire la relit avant de mettre la fiche à jour.</p>' };
}
