/**
 * E-mail of the contributions through SMTP (nodemailer): the confirmation request sent to a structure (a one-time
 * link) and the notice of a decision sent to the author of a suggestion who left an e-mail address. French, plain text
 * and HTML, no tracking pixel, no remote image, no link other than the confirmation link; every value escaped.
 */
import nodemailer from 'nodemailer';
import type { MailSettings } from './config.js';
import { escapeHtml } from './page.js';

/** A message to send. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends messages. */
export interface Mailer {
  send(m: Mail): Promise<void>;
}

/** A mailer over SMTP (`RELAIS_SMTP_URL`, `RELAIS_SMTP_FROM`). */
export function smtpMailer(s: MailSettings): Mailer {
  const transport = nodemailer.createTransport(s.url);
  return {
    async send(m) {
      await transport.sendMail({ from: s.from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: { 'auto-submitted': 'auto-generated' } });
    },
  };
}

const wrap = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${body}</body></html>`;

const dateFr = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));

/** The confirmation request: the record's name and the one-time link. */
export function confirmationMail(o: { to: string; serviceNom: string; structureNom: string; lien: string; expireLe: string }): Mail {
  const subject = `Votre fiche « ${o.serviceNom} » est-elle à jour ?`;
  const text = [
    'Bonjour,',
    '',
    `Le service « ${o.serviceNom} » (${o.structureNom}) figure dans l’annuaire des services d’accompagnement du département.`,
    'Pouvez-vous vérifier que ses informations (téléphone, adresse, horaires, description) sont toujours exactes ?',
    '',
    'Confirmer ou corriger la fiche, sans créer de compte :',
    o.lien,
    '',
    `Ce lien ne sert qu’une fois et expire le ${dateFr(o.expireLe)}.`,
    'Si vous n’êtes pas la bonne personne, vous pouvez ignorer ce message ou le transférer à la personne concernée.',
    '',
    'L’équipe de l’annuaire',
  ].join('\n');
  const html = wrap(
    subject,
    `<p>Bonjour,</p><p>Le service « ${escapeHtml(o.serviceNom)} » (${escapeHtml(o.structureNom)}) figure dans l’annuaire des services d’accompagnement du département.
Pouvez-vous vérifier que ses informations (téléphone, adresse, horaires, description) sont toujours exactes&nbsp;?</p>
<p><a href="${escapeHtml(o.lien)}">Confirmer ou corriger la fiche</a> (sans créer de compte)</p>
<p>Ce lien ne sert qu’une fois et expire le ${escapeHtml(dateFr(o.expireLe))}. Si vous n’êtes pas la bonne personne, vous pouvez ignorer ce message ou le transférer à la personne concernée.</p>
<p>L’équipe de l’annuaire</p>`,
  );
  return { to: o.to, subject, text, html };
}

/** The notice of a decision to the author of a suggestion. */
export function decisionMail(o: { to: string; serviceNom: string; acceptee: boolean; motif: string | null }): Mail {
  const subject = o.acceptee ? `Votre suggestion pour « ${o.serviceNom} » a été acceptée` : `Votre suggestion pour « ${o.serviceNom} »`;
  const lines = o.acceptee
    ? ['Bonjour,', '', `Merci : votre suggestion pour le service « ${o.serviceNom} » a été acceptée et la fiche de l’annuaire a été mise à jour.`]
    : ['Bonjour,', '', `Merci pour votre suggestion concernant le service « ${o.serviceNom} ». Elle n’a pas été retenue, pour la raison suivante :`, '', o.motif ?? ''];
  const text = [...lines, '', 'Votre adresse n’a servi qu’à vous envoyer ce message ; elle n’est pas conservée.', '', 'L’équipe de l’annuaire'].join('\n');
  const html = wrap(
    subject,
    o.acceptee
      ? `<p>Bonjour,</p><p>Merci&nbsp;: votre suggestion pour le service « ${escapeHtml(o.serviceNom)} » a été acceptée et la fiche de l’annuaire a été mise à jour.</p><p>Votre adresse n’a servi qu’à vous envoyer ce message&nbsp;; elle n’est pas conservée.</p><p>L’équipe de l’annuaire</p>`
      : `<p>Bonjour,</p><p>Merci pour votre suggestion concernant le service « ${escapeHtml(o.serviceNom)} ». Elle n’a pas été retenue, pour la raison suivante&nbsp;:</p><blockquote>${escapeHtml(o.motif ?? '')}</blockquote><p>Votre adresse n’a servi qu’à vous envoyer ce message&nbsp;; elle n’est pas conservée.</p><p>L’équipe de l’annuaire</p>`,
  );
  return { to: o.to, subject, text, html };
}

/** An address shown masked (a***@mairie.fr). */
export function maskEmail(e: string): string {
  const at = e.lastIndexOf('@');
  if (at < 1) return '***';
  return `${e[0]}***${e.slice(at)}`;
}
