import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RelaisElement, RelaisErrorEvent, RelaisError, Http, formatDate, formatNumber, termLabel, translate, heading, todayIso, departementName, epciName } from '@relais/core';
import { indicatorsStyles } from './indicators.styles.js';
import { messages, type MessageKey, type T } from './messages.js';
import { isIsoDate, lastTwelveMonths, periodProblem, readIndicators, type Indicators, type Zone } from './model.js';
import { sectionTables, chartBars, type SectionId, type SectionTable } from './sections.js';
import { renderFreshness, renderNone, renderProbable, renderSection, type PanelContext } from './panels.js';
import { renderPeriod } from './period-form.js';
import { renderUnmet, type UnmetView } from './unmet-panel.js';
import { toCsv } from './csv.js';
import { UnmetMapController } from './unmet-map-controller.js';
import type uPlot from 'uplot';

/** The sections drawn as a chart (`besoins-non-couverts` is drawn as a map). */
const CHARTED: readonly SectionId[] = ['besoins', 'eligibilite', 'fiches', 'parcours', 'contributions'];

/**
 * The département's dashboard of aggregate indicators, read from `GET {endpoint}/indicateurs` (the contract
 * `@relais/core/indicators-openapi.json`): unmet needs (searches without a result by need and EPCI, on a map and in a
 * table), needs searched most, eligibility outcomes, liaison sheets, pathway steps over their legal deadline, directory
 * freshness and contributions per organisation. Every section has a data table, a chart that repeats it (hidden from
 * screen readers: the table is its alternative) and a « Télécharger en CSV » button. A cell the server masked (fewer
 * than k events) reads « moins de k », never 0. Nobody is followed: the server keeps daily aggregate counts only.
 *
 * @element relais-indicators
 * @fires {RelaisErrorEvent} relais-error - The indicators could not be loaded or do not follow the contract (`message` in French).
 * @csspart period - The period form (two dates and « Afficher »).
 * @csspart section - One section of the dashboard.
 * @csspart table - A data table.
 * @csspart chart - A chart (decorative for screen readers: the table beside it holds the same figures).
 * @csspart map - The map of unmet needs by EPCI.
 * @csspart button - Buttons (« Afficher », « Télécharger en CSV », « Réessayer »).
 * @csspart error - Why the indicators cannot be shown or loaded (with a retry button).
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
 * @cssprop {<length>} [--relais-indicators-map-height=22rem] - Hauteur de la carte des besoins non couverts.
 */
export class RelaisIndicators extends RelaisElement {
  /** Messages: French with the element, English loaded when the element speaks English (see `messages.ts`). */
  static override messageCatalogues = [messages];
  static override styles = [...RelaisElement.styles, indicatorsStyles];

  /** Base URL of the indicators API (e.g. `https://annuaire.departement.fr/api`); the element asks `{endpoint}/indicateurs`. */
  @property() endpoint: string | undefined;
  /** Code of the département (`58`, `2A`, `974`…): the indicators of the EPCI that have their seat there, and the map's area. */
  @property() departement: string | undefined;
  /** First day of the period (YYYY-MM-DD); default: the day after the same date a year before `au`. */
  @property() du: string | undefined;
  /** Last day of the period, included (YYYY-MM-DD, 366 days at most after `du`); default: today. */
  @property() au: string | undefined;
  /** Heading level of the title (1–6, default 2); sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Names to show instead of identifiers (`{ 'apa': 'Allocation personnalisée d’autonomie' }`), for needs, aides, templates, recipient types, pathways and steps (property only). */
  @property({ attribute: false }) labels: Record<string, string> = {};
  /**
   * Indicators the site obtained itself (an answer of `GET /indicateurs`, e.g. fetched behind its own authentication),
   * property only: checked against the contract as a fetched answer is; shown instead of asking `endpoint`.
   */
  @property({ attribute: false }) data: unknown;
  /** The map's background: an XYZ tile template (`{z}`, `{x}`, `{y}`), `none`, or « Plan IGN » when absent (as `<relais-map>`). */
  @property({ attribute: 'tile-url' }) tileUrl: string | undefined;
  /** Attribution of the tiles given in `tile-url`, as plain text. */
  @property({ attribute: 'tile-attribution' }) tileAttribution: string | undefined;

  @state() private shown: Indicators | null = null;
  @state() private loading = false;
  @state() private loadError: { message: string; retryable: boolean } | null = null;
  @state() private invalid = '';
  @state() private formErrors: { du?: MessageKey; au?: MessageKey } = {};
  @state() private mapNeed = '';
  @state() private chartFailed = false;
  @state() private announce = '';
  /** Names of the EPCI the answer gives without `nom` (loaded from @relais/core's EPCI list). */
  @state() private epciNames = new Map<string, string>();

  private readonly http = new Http({ cacheTtlMs: 0 });
  private abort: AbortController | null = null;
  private readonly map = new UnmetMapController(this, () => ({
    shown: this.shown,
    departement: this.departement,
    need: this.mapNeed,
    t: this.t,
    lang: this.i18n.lang,
    zoneText: (z) => this.zoneText(z),
    container: () => this.renderRoot.querySelector<HTMLElement>('#unmet-map'),
    tiles: { tileUrl: this.tileUrl, tileAttribution: this.tileAttribution },
    token: (name, fallback) => this.token(name, fallback),
  }));
  private charts = new Map<SectionId, uPlot>();
  private resize: ResizeObserver | null = null;
  private lastWidth = 0;

  /** The element's words in its language (an arrow: the views get it as it is). */
  private readonly t: T = (k, p = {}) => translate(messages, this.i18n.lang, k, p);

  /** The period asked for: the attributes as given (checked before any request), else the last twelve months. */
  get period(): { du: string; au: string } {
    const au = this.au || todayIso();
    const du = this.du || lastTwelveMonths(isIsoDate(au) ? au : todayIso()).du;
    return { du, au };
  }

  /** The indicators shown (null before the first answer). */
  get indicators(): Indicators | null {
    return this.shown;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // redrawn in the next frame, not inside the observer's callback (no « ResizeObserver loop » error)
    this.resize = new ResizeObserver(() =>
      requestAnimationFrame(() => {
        const w = this.clientWidth;
        if (Math.abs(w - this.lastWidth) < 8) return;
        this.lastWidth = w;
        this.map.resize();
        void this.drawCharts();
      }),
    );
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.abort?.abort();
    for (const c of this.charts.values()) c.destroy();
    this.charts.clear();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data !== undefined) this.show(this.data);
    if (changed.has('endpoint') || changed.has('du') || changed.has('au') || changed.has('departement')) void this.load();
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('shown') || changed.has('mapNeed') || changed.has('labels') || changed.has('epciNames')) {
      void this.map.draw();
      void this.drawCharts();
    }
  }

  /** Loads the indicators of the period (the previous request, if any, is abandoned). */
  async load(): Promise<void> {
    if (!this.endpoint || this.data !== undefined) return;
    const { du, au } = this.period;
    const problem = periodProblem(du, au);
    if (problem) {
      this.formErrors = problem === 'duInvalid' ? { du: problem } : { au: problem };
      return;
    }
    this.abort?.abort();
    const ctrl = new AbortController();
    this.abort = ctrl;
    const base = new URL(this.endpoint.replace(/\/?$/, '/'), document.baseURI);
    const url = new URL('indicateurs', base);
    url.searchParams.set('du', du);
    url.searchParams.set('au', au);
    if (this.departement) url.searchParams.set('departement', this.departement);
    this.loading = true;
    this.announce = this.t('loading');
    try {
      const body = await this.http.getJson(url.href, { signal: ctrl.signal, cache: false });
      this.show(body);
    } catch (e) {
      if (ctrl.signal.aborted) return;
      const err = e instanceof RelaisError ? e : new RelaisError('network', { detail: String(e) });
      if (err.kind === 'invalid-payload') this.invalid = err.message;
      else this.loadError = { message: err.message, retryable: err.retryable };
      this.announce = '';
      this.emit(new RelaisErrorEvent(err.kind, err.message, err.status));
    } finally {
      if (this.abort === ctrl) this.loading = false;
    }
  }

  /** Shows an answer once it follows the contract; throws (and shows why) when it does not. */
  private show(body: unknown): void {
    const read = readIndicators(body);
    if (!read.ok) {
      const err = new RelaisError('invalid-payload', { detail: read.reason, message: `Les indicateurs reçus ne suivent pas le contrat : ${read.reason}.` });
      if (body === this.data) {
        this.invalid = err.message;
        this.emit(new RelaisErrorEvent(err.kind, err.message));
        return;
      }
      throw err;
    }
    this.shown = read.value;
    void this.nameEpci(read.value);
    this.loadError = null;
    this.invalid = '';
    this.announce = this.t('loaded', { du: formatDate(read.value.du, this.i18n.lang), au: formatDate(read.value.au, this.i18n.lang) });
  }

  /** Names the EPCI that came without a name (the contract makes `nom` optional), from the EPCI list (loaded once). */
  private async nameEpci(d: Indicators): Promise<void> {
    const codes = [...new Set(d.besoins_non_couverts.filter((r) => r.zone.niveau === 'epci' && r.zone.code && !r.zone.nom).map((r) => r.zone.code!))];
    if (!codes.length) return;
    const names = await Promise.all(codes.map(async (c) => [c, await epciName(c).catch(() => undefined)] as const));
    const known = names.filter((n): n is readonly [string, string] => !!n[1]);
    if (known.length) this.epciNames = new Map([...this.epciNames, ...known]);
  }

  /** A section's CSV (RFC 4180, UTF-8 with BOM, French headers, masked cells « moins de k », formulas guarded); empty before the first answer. */
  csv(section: SectionId): string {
    const table = this.tables()?.[section];
    if (!table || !this.shown) return '';
    const k = this.shown.k;
    return toCsv(
      table.headers,
      table.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : 'n' in c ? c.n : this.t('masked', { k })))),
    );
  }

  private download(section: SectionId): void {
    const text = this.csv(section);
    if (!text) return;
    const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    const { du, au } = this.shown!;
    a.download = this.t('csvFile', { section, du, au });
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 30_000);
  }

  private label(kind: 'besoin' | 'aide' | 'modele' | 'destinataire' | 'parcours' | 'etape', id: string): string {
    const own = this.labels[id];
    if (own) return own;
    if (kind === 'besoin') return termLabel('thematiques', id, { lang: this.i18n.lang });
    return id;
  }

  private zoneText(z: Zone): string {
    if (z.niveau === 'aucune') return this.t('zoneNone');
    if (z.nom) return z.nom;
    if (z.niveau === 'departement') return z.code ? (departementName(z.code) ?? this.t('zoneDep', { code: z.code })) : this.t('zoneNone');
    return (z.code && this.epciNames.get(z.code)) ?? z.code ?? this.t('zoneNone');
  }

  private tables(): Record<SectionId, SectionTable> | null {
    if (!this.shown) return null;
    return sectionTables(this.shown, {
      col: (k) => this.t(k as MessageKey),
      status: (s) => this.t(`status-${s}` as MessageKey),
      zone: (z) => this.zoneText(z),
      label: (kind, id) => this.label(kind, id),
    });
  }

  private token(name: string, fallback: string): string {
    return getComputedStyle(this).getPropertyValue(name).trim() || fallback;
  }

  private async drawCharts(): Promise<void> {
    const tables = this.tables();
    if (!tables) return;
    const wanted = CHARTED.map((id) => ({ id, bars: chartBars(tables[id]), el: this.renderRoot.querySelector<HTMLElement>(`#chart-${id}`) })).filter((c) => c.el && c.bars.length);
    if (!wanted.length) return;
    try {
      const { drawBars } = await import('./chart.js');
      const theme = { bar: this.token('--_r-primary', '#0a5cc2'), text: this.token('--_r-text', '#1e1e1e'), grid: this.token('--_r-border', '#8a8f98'), font: this.token('--_r-font-family', 'system-ui, sans-serif') };
      for (const { id, bars, el } of wanted) {
        this.charts.get(id)?.destroy();
        const width = Math.min(el!.clientWidth || this.clientWidth || 600, 900);
        this.charts.set(id, drawBars(el!, bars, width, theme, (n) => formatNumber(n, this.i18n.lang)));
      }
      this.chartFailed = false;
    } catch {
      this.chartFailed = true;
    }
  }

  /** What every section's template needs. */
  private panel(d: Indicators): PanelContext {
    return { t: this.t, lang: this.i18n.lang, k: d.k, chartFailed: this.chartFailed, download: (id) => this.download(id) };
  }

  override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, this.headingLevel || 2));
    const d = this.shown;
    const tables = this.tables();
    const x = d && this.panel(d);
    return html`
      <section aria-labelledby="indicators-title">
        ${heading(level, this.t('title'), { id: 'indicators-title' })}
        ${this.endpoint ? renderPeriod({ t: this.t, ...this.period, errors: this.formErrors, submit: (e) => this.onPeriod(e) }) : nothing}
        <p role="status" class="status">${this.announce}</p>
        ${!this.endpoint && this.data === undefined ? html`<p part="error" class="error">${this.t('noEndpoint')}</p>` : nothing}
        ${this.loadError
          ? html`<div part="error" class="error" role="alert">
              <p>${this.t('loadFailed')}</p>
              <p>${this.loadError.message}</p>
              ${this.loadError.retryable ? html`<button type="button" part="button" ?disabled=${this.loading} @click=${() => void this.load()}>${this.t('retry')}</button>` : nothing}
            </div>`
          : nothing}
        ${this.invalid ? html`<div part="error" class="error" role="alert"><p>${this.t('invalid')}</p><p>${this.invalid}</p></div>` : nothing}
        ${d && x && tables
          ? html`<p class="muted">${this.t('intro', { k: d.k })}</p>
              ${renderUnmet(x, this.unmetView(level + 1, tables['besoins-non-couverts'], d))}
              ${renderSection(x, level + 1, tables.besoins, 'needs', 'needsIntro')}
              ${renderSection(x, level + 1, tables.eligibilite, 'eligibility', 'eligibilityIntro', renderProbable(x, d))}
              ${renderSection(x, level + 1, tables.fiches, 'liaison', 'liaisonIntro')}
              ${renderSection(x, level + 1, tables.parcours, 'pathway', 'pathwayIntro')}
              ${renderFreshness(x, level + 1, d, tables.fraicheur)}
              ${d.contributions ? renderSection(x, level + 1, tables.contributions, 'contributions') : renderNone(x, level + 1, 'contributions', 'contributionsNone')}`
          : nothing}
      </section>
    `;
  }

  private unmetView(level: number, table: SectionTable, d: Indicators): UnmetView {
    const needs = [...new Set(d.besoins_non_couverts.map((r) => r.besoin))].map((id) => ({ id, name: this.label('besoin', id) }));
    return {
      level,
      table,
      any: d.besoins_non_couverts.length > 0,
      mapped: !!this.departement,
      needs: needs.sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      need: this.mapNeed,
      noTiles: this.tileUrl?.trim() === 'none',
      mapState: this.map.state,
      unplaced: this.map.state === 'ready' ? this.map.circles().unplaced : 0,
      chooseNeed: (need) => (this.mapNeed = need),
    };
  }

  private onPeriod(ev: Event): void {
    ev.preventDefault();
    const du = this.renderRoot.querySelector<HTMLInputElement>('#period-du')!;
    const au = this.renderRoot.querySelector<HTMLInputElement>('#period-au')!;
    const problem = periodProblem(du.value, au.value);
    if (problem) {
      // the dates typed stay in their fields; the message names what to change
      this.formErrors = problem === 'duInvalid' ? { du: problem } : { au: problem };
      void this.updateComplete.then(() => (problem === 'duInvalid' ? du : au).focus());
      return;
    }
    this.formErrors = {};
    const same = du.value === this.period.du && au.value === this.period.au;
    this.du = du.value;
    this.au = au.value;
    if (same) void this.load();
  }
}
