import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RelaisElement, RelaisErrorEvent, apiBase, formatDate, formatNumber, heading, pageStyles, translate } from '@relais/core';
import type { Champ, Contribution, ContributionStats, FreshnessItem, Moderator, Page } from '@relais/core';
import { ApiError, ContributionsApi } from './api.js';
import { messages, type T } from './messages.js';
import { contributionsStyles } from './contributions.styles.js';
import { RelaisConfirmationRequestedEvent, RelaisContributionDecidedEvent } from './events.js';
import { renderAccount } from './account.js';
import { renderPager } from './pager.js';
import { renderQueueItem } from './queue-item.js';
import { renderFreshness, type Sent } from './freshness-list.js';
import { renderStructureCounts } from './structure-counts.js';

type Tab = 'queue' | 'fresh' | 'stats';
const TABS: readonly Tab[] = ['queue', 'fresh', 'stats'];
type Status = 'loading' | 'signed-out' | 'ready' | 'error';

let instances = 0;

/**
 * The pivot actor's moderation of the directory (DAC, département, CCAS): the suggestions to review, field by field
 * (before and after, accept the ticked fields or reject with a reason), the entries not confirmed for a while (ask
 * their structure to confirm, by a one-time link), and the contributions per organisation. Talks to the contributions
 * API (packages/core/contributions-openapi.json) with the moderator's session cookie; signing in goes through the
 * server's OpenID Connect login (ProConnect or the département's provider).
 *
 * @element relais-contributions
 *
 * @fires {RelaisContributionDecidedEvent} relais-contribution-decided - A suggestion was accepted or rejected (`contributionId`, `serviceId`, `decision`, `champs`): ids only.
 * @fires {RelaisConfirmationRequestedEvent} relais-confirmation-requested - A confirmation link was sent for a service (`serviceId`).
 * @fires {RelaisErrorEvent} relais-error - A call failed; `message` is the French sentence shown.
 *
 * @csspart account - The signed-in line (name, territories, « Se déconnecter ») or the « Se connecter » link.
 * @csspart tabs - The list of tabs.
 * @csspart tab - One tab.
 * @csspart panel - The panel of the tab shown.
 * @csspart contribution - One suggestion of the queue.
 * @csspart table - The before/after, freshness and per-organisation tables.
 * @csspart input - The reason fields.
 * @csspart button - Buttons.
 * @csspart error - An error message.
 * @csspart status - The live region (counts, decisions, errors).
 *
 * @cssprop {<color>} [--relais-color-primary=#0a5cc2] - Liens, boutons, tuile choisie, étape en cours, regroupements de la carte.
 * @cssprop {<color>} [--relais-color-on-primary=#ffffff] - Texte sur les boutons principaux.
 * @cssprop {<color>} [--relais-color-text=#1e1e1e] - Texte.
 * @cssprop {<color>} [--relais-color-muted=#555a64] - Texte secondaire (aides, dates de mise à jour).
 * @cssprop {<color>} [--relais-color-surface=#ffffff] - Fond des widgets.
 * @cssprop {<color>} [--relais-color-surface-alt=#f3f5f8] - Fond des tuiles, panneaux et cartes.
 * @cssprop {<color>} [--relais-color-border=#8a8f98] - Bordures des champs et des cartes (contraste 3:1 au moins).
 * @cssprop {<color>} [--relais-color-danger=#b3261e] - Erreurs, critères non remplis, étapes en retard.
 * @cssprop {<color>} [--relais-color-success=#1b6e3a] - Critères remplis, étapes faites, brouillon enregistré.
 * @cssprop {<color>} [--relais-color-warning-surface=#fff4d6] - Fond des avertissements (données de démonstration, valeurs à vérifier).
 * @cssprop {<color>} [--relais-color-accent-1=#7a1f5c] - Troisième couleur de légende (établissements).
 * @cssprop {<color>} [--relais-color-accent-2=#8a4b00] - Quatrième couleur de légende (accompagnement).
 * @cssprop {<length>} [--relais-space-1=0.25rem] - Très petit espace.
 * @cssprop {<length>} [--relais-space-2=0.5rem] - Petit espace.
 * @cssprop {<length>} [--relais-space-3=1rem] - Espace courant.
 * @cssprop {<length>} [--relais-space-4=1.5rem] - Grand espace.
 * @cssprop {<length>} [--relais-radius=0.375rem] - Arrondi des angles.
 * @cssprop [--relais-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif] - Police (celle du site hôte si elle y est chargée ; Relais n’en embarque aucune).
 * @cssprop {<length>} [--relais-font-size=1rem] - Taille du texte courant.
 * @cssprop {<number>} [--relais-line-height=1.5] - Interlignage.
 * @cssprop [--relais-focus-ring=3px solid #0a5cc2] - Contour de l’élément qui a le focus clavier (épaisseur, style, couleur).
 * @cssprop [--relais-elevation-1=0 1px 3px rgb(0 0 0 / 0.15)] - Ombre des panneaux flottants (fenêtres de la carte).
 * @cssprop {<length>} [--relais-contributions-max-width=72rem] - Largeur maximale de l’espace de modération.
 */
export class RelaisContributions extends RelaisElement {
  /** Messages: French with the element, English loaded when the element speaks English (see `messages.ts`). */
  static override messageCatalogues = [messages];
  static override styles = [...RelaisElement.styles, pageStyles, contributionsStyles];

  /** Base URL of the contributions API (the same base as the REST directory, e.g. `https://annuaire.departement.fr/api`). */
  @property() endpoint: string | undefined;
  /** A département code (`58`) to moderate only that one of the person's territories (default: all of them). */
  @property() departement: string | undefined;
  /** Months without confirmation after which an entry is listed under « Fiches à vérifier » (1–120, default 12). */
  @property({ type: Number, attribute: 'stale-after-months' }) staleAfterMonths = 12;
  /** Heading level of the element's title (1–6, default 2); its sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private status: Status = 'loading';
  @state() private me: Moderator | null = null;
  @state() private tab: Tab = 'queue';
  @state() private queue: Page<Contribution> | null = null;
  @state() private fresh: Page<FreshnessItem> | null = null;
  @state() private stats: ContributionStats | null = null;
  @state() private error = '';
  @state() private announce = '';
  /** Per suggestion: the fields ticked (all at first). */
  @state() private ticked = new Map<string, Set<Champ>>();
  @state() private reasons = new Map<string, string>();
  /** Per suggestion or service: the error shown beside its controls. */
  @state() private rowErrors = new Map<string, string>();
  /** Per service: what the confirmation request gave (« Envoyé à … » or the 409's sentence). */
  @state() private sent = new Map<string, Sent>();
  @state() private busy = new Set<string>();
  @state() private queuePage = 1;
  @state() private freshPage = 1;

  private readonly uid = `c${++instances}`;
  private api: ContributionsApi | null = null;
  private aborter = new AbortController();

  /** The element's words in its language (an arrow: the views get it as it is). */
  private readonly t: T = (key, p = {}) => translate(messages, this.i18n.lang, key, p);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.aborter.abort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.aborter.signal.aborted) {
      this.aborter = new AbortController();
      void this.start();
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('departement') || changed.has('staleAfterMonths')) {
      const base = apiBase(this.endpoint);
      this.api = base ? new ContributionsApi(base) : null;
      void this.start();
    }
  }

  /** Who is signed in; then the tab shown. */
  private async start(): Promise<void> {
    if (!this.api) {
      this.status = 'error';
      this.error = this.t('noEndpoint');
      return;
    }
    this.status = 'loading';
    try {
      this.me = await this.api.me(this.aborter.signal);
      this.status = 'ready';
      await this.load(this.tab);
    } catch (e) {
      if (isAbort(e)) return;
      if (e instanceof ApiError && e.status === 401) {
        this.me = null;
        this.status = 'signed-out';
        return;
      }
      this.status = 'error';
      this.error = this.messageOf(e);
    }
  }

  /** A failure in French; a 401 also signs the person out (the « Se connecter » link comes back). */
  private messageOf(e: unknown): string {
    if (!(e instanceof ApiError)) return this.t('eNetwork');
    if (e.status === 401) {
      this.me = null;
      this.status = 'signed-out';
      return this.t('e401');
    }
    if (e.status === 403) return this.t('e403');
    if (e.status === 409) return e.detail ?? this.t('e409');
    if (e.status === 0) return this.t('eNetwork');
    if (e.status >= 500) return this.t('e5xx');
    return e.detail ?? this.t('e5xx');
  }

  private fail(e: unknown): string {
    const message = this.messageOf(e);
    this.announce = message;
    this.emit(new RelaisErrorEvent(e instanceof ApiError && e.status === 0 ? 'network' : 'http', message, e instanceof ApiError ? e.status : undefined));
    return message;
  }

  private async load(tab: Tab): Promise<void> {
    const api = this.api;
    if (!api || !this.me) return;
    const departement = this.departement || undefined;
    try {
      this.error = '';
      if (tab === 'queue') {
        this.queue = await api.queue({ page: this.queuePage, departement }, this.aborter.signal);
        this.ticked = new Map(this.queue.items.map((c) => [c.id, this.ticked.get(c.id) ?? new Set(c.modifiable ? c.changements.map((x) => x.champ) : [])]));
        this.announce = this.t('queueCount', { n: this.queue.total });
      } else if (tab === 'fresh') {
        this.fresh = await api.stale({ page: this.freshPage, departement, mois: this.months }, this.aborter.signal);
        this.announce = this.t('freshCount', { n: this.fresh.total });
      } else {
        this.stats = await api.stats({ departement }, this.aborter.signal);
      }
    } catch (e) {
      if (isAbort(e)) return;
      this.error = this.fail(e);
    }
  }

  private select(tab: Tab, focus = false): void {
    if (this.tab !== tab) {
      this.tab = tab;
      void this.load(tab);
    }
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${this.uid}-tab-${tab}`)?.focus());
  }

  /** The tabs' keyboard: arrows move and show, Home and End go to the ends (WAI-ARIA tabs, automatic activation). */
  private onTabKey(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.select(TABS[next]!, true);
  }

  private toggleField(c: Contribution, champ: Champ): void {
    const set = new Set(this.ticked.get(c.id) ?? []);
    if (set.has(champ)) set.delete(champ);
    else set.add(champ);
    this.ticked = new Map(this.ticked).set(c.id, set);
  }

  private setRowError(id: string, message: string): void {
    const m = new Map(this.rowErrors);
    if (message) m.set(id, message);
    else m.delete(id);
    this.rowErrors = m;
  }

  private setBusy(id: string, on: boolean): void {
    const b = new Set(this.busy);
    if (on) b.add(id);
    else b.delete(id);
    this.busy = b;
  }

  private async accept(c: Contribution): Promise<void> {
    const champs = c.changements.map((x) => x.champ).filter((x) => this.ticked.get(c.id)?.has(x));
    if (!champs.length) {
      this.setRowError(c.id, this.t('acceptNone'));
      this.announce = this.t('acceptNone');
      return;
    }
    await this.decide(c, () => this.api!.accept(c.id, champs), 'acceptee', champs);
  }

  private async reject(c: Contribution): Promise<void> {
    const motif = (this.reasons.get(c.id) ?? '').trim();
    if (!motif) {
      this.setRowError(`${c.id}-motif`, this.t('rejectNeeded'));
      this.announce = this.t('rejectNeeded');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${this.rowId(c)}-motif`)?.focus();
      return;
    }
    await this.decide(c, () => this.api!.reject(c.id, motif.slice(0, 500)), 'refusee', []);
  }

  private async decide(c: Contribution, call: () => Promise<unknown>, decision: 'acceptee' | 'refusee', champs: Champ[]): Promise<void> {
    if (!this.api || this.busy.has(c.id)) return;
    this.setBusy(c.id, true);
    this.setRowError(c.id, '');
    this.setRowError(`${c.id}-motif`, '');
    try {
      await call();
      const index = this.queue?.items.findIndex((x) => x.id === c.id) ?? -1;
      if (this.queue) this.queue = { ...this.queue, items: this.queue.items.filter((x) => x.id !== c.id), total: Math.max(0, this.queue.total - 1) };
      this.announce = decision === 'acceptee' ? this.t('accepted', { name: c.service_nom, n: champs.length }) : this.t('rejected', { name: c.service_nom });
      this.emit(new RelaisContributionDecidedEvent(c.id, c.service_id, decision, champs));
      await this.updateComplete;
      // the focus goes to the next suggestion, else to the queue's heading
      const next = this.queue?.items[Math.min(index, (this.queue?.items.length ?? 1) - 1)];
      (next ? this.renderRoot.querySelector<HTMLElement>(`#${this.rowId(next)}-title`) : this.renderRoot.querySelector<HTMLElement>(`#${this.uid}-panel-queue-title`))?.focus();
    } catch (e) {
      if (isAbort(e)) return;
      this.setRowError(c.id, this.fail(e));
    } finally {
      this.setBusy(c.id, false);
    }
  }

  private async askConfirmation(item: FreshnessItem): Promise<void> {
    if (!this.api || this.busy.has(item.service_id)) return;
    this.setBusy(item.service_id, true);
    try {
      const r = await this.api.requestConfirmation(item.service_id);
      const text = this.t('sentTo', { to: r.envoyee_a, until: formatDate(r.expire_le, this.i18n.lang) });
      this.sent = new Map(this.sent).set(item.service_id, { ok: true, text });
      this.announce = `${item.service_nom} : ${text}`;
      this.emit(new RelaisConfirmationRequestedEvent(item.service_id));
    } catch (e) {
      if (isAbort(e)) return;
      const text = this.fail(e);
      this.sent = new Map(this.sent).set(item.service_id, { ok: false, text });
    } finally {
      this.setBusy(item.service_id, false);
    }
  }

  private async signOut(): Promise<void> {
    try {
      await this.api?.logout();
    } catch (e) {
      // a session already gone is signed out as well
      if (!(e instanceof ApiError && e.status === 401)) {
        this.error = this.fail(e);
        return;
      }
    }
    this.me = null;
    this.status = 'signed-out';
    this.queue = this.fresh = null;
    this.stats = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.sign-in')?.focus();
  }

  /** `stale-after-months` within 1–120 (12 when not a number). */
  private get months(): number {
    return Math.min(120, Math.max(1, Math.round(this.staleAfterMonths) || 12));
  }

  private rowId(c: Contribution): string {
    return `${this.uid}-c${this.queue?.items.indexOf(c) ?? 0}`;
  }

  // ---------- render ----------

  override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, this.headingLevel || 2));
    return html`<div class="root" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      ${heading(level, this.t('title'), { id: `${this.uid}-title` })}
      ${renderAccount({
        t: this.t,
        me: this.me,
        loginUrl: this.status === 'signed-out' && this.api ? this.api.loginUrl(typeof location === 'undefined' ? '' : location.href) : null,
        expired: this.announce === this.t('e401'),
        signOut: () => void this.signOut(),
      })}
      ${this.status === 'loading' ? html`<p class="muted">${this.t('loading')}</p>` : nothing}
      ${this.status === 'error' || (this.error && this.status === 'ready')
        ? html`<div class="error" part="error" role="alert">
            <p>${this.error}</p>
            ${this.api ? html`<button type="button" part="button" @click=${() => (this.status === 'error' ? void this.start() : void this.load(this.tab))}>${this.t('retry')}</button>` : nothing}
          </div>`
        : nothing}
      ${this.status === 'ready' && this.me ? this.renderTabs(level) : nothing}
      <p part="status" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="${this.uid}-live">${this.announce}</p>
    </div>`;
  }

  private renderTabs(level: number): TemplateResult {
    const label = (t: Tab) => this.t(t === 'queue' ? 'tabQueue' : t === 'fresh' ? 'tabFresh' : 'tabStats');
    return html`<div class="tabs" role="tablist" part="tabs" aria-label=${this.t('tabs')} @keydown=${(e: KeyboardEvent) => this.onTabKey(e)}>
        ${TABS.map(
          (t) => html`<button type="button" role="tab" part="tab" id="${this.uid}-tab-${t}" aria-controls="${this.uid}-panel-${t}" aria-selected=${this.tab === t ? 'true' : 'false'} tabindex=${this.tab === t ? '0' : '-1'} @click=${() => this.select(t)}>
            ${label(t)}${t === 'queue' && this.queue ? html` <span class="count">(${formatNumber(this.queue.total, this.i18n.lang)})</span>` : nothing}
          </button>`,
        )}
      </div>
      <section class="panel" part="panel" role="tabpanel" id="${this.uid}-panel-${this.tab}" aria-labelledby="${this.uid}-tab-${this.tab}">
        ${heading(level + 1, label(this.tab), { id: `${this.uid}-panel-${this.tab}-title`, focusable: true })}
        ${this.tab === 'queue' ? this.renderQueue(level + 2) : this.tab === 'fresh' ? this.renderFresh() : renderStructureCounts(this.stats, { t: this.t, lang: this.i18n.lang })}
      </section>`;
  }

  private renderQueue(level: number): TemplateResult {
    const q = this.queue;
    if (!q) return html`<p class="muted">${this.t('loading')}</p>`;
    const { t } = this;
    const lang = this.i18n.lang;
    return html`<p class="count-line">${this.t('queueCount', { n: q.total })}</p>
      ${q.items.map((c) =>
        renderQueueItem({
          c,
          id: this.rowId(c),
          level,
          t,
          lang,
          ticked: this.ticked.get(c.id) ?? new Set<Champ>(),
          reason: this.reasons.get(c.id) ?? '',
          error: this.rowErrors.get(c.id),
          reasonError: this.rowErrors.get(`${c.id}-motif`),
          busy: this.busy.has(c.id),
          toggle: (champ) => this.toggleField(c, champ),
          typeReason: (value) => (this.reasons = new Map(this.reasons).set(c.id, value)),
          accept: () => void this.accept(c),
          reject: () => void this.reject(c),
        }),
      )}
      ${renderPager(q, { t, lang, go: (page) => ((this.queuePage = page), void this.load('queue')) })}`;
  }

  private renderFresh(): TemplateResult {
    return renderFreshness({
      page: this.fresh,
      months: this.months,
      uid: this.uid,
      t: this.t,
      lang: this.i18n.lang,
      sent: this.sent,
      busy: this.busy,
      ask: (item) => void this.askConfirmation(item),
      go: (page) => ((this.freshPage = page), void this.load('fresh')),
    });
  }
}

const isAbort = (e: unknown): boolean => (e as Error | null)?.name === 'AbortError';
