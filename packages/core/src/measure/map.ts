/**
 * From the widgets' public events to measurement events. Only referential ids that match the schema's pattern pass
 * (anything else is dropped, never truncated into something else); the commune becomes its EPCI or département.
 */
import { todayIso } from '../i18n/i18n.js';
import { takeHandoff, type Handoff } from '../element/handoff.js';
import { zoneOfArea, zoneOfCommune } from './zone.js';
import type { MeasurementEvent, SearchMeasure } from './types.js';

/** The schema's id pattern (`autonomie--aide-domicile`, `apa_domicile`…). */
const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:--[a-z0-9]+(?:[-_][a-z0-9]+)*)?$/;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= 80 && ID.test(v);
const ids = (v: unknown, max: number): string[] => (Array.isArray(v) ? [...new Set(v.filter(isId))].slice(0, max) : []);
const ORIGINS = ['directe', 'eligibilite', 'parcours', 'carte'] as const;
const STATUSES = ['eligible', 'probable', 'unknown', 'not_eligible'] as const;

/** The events listened to. */
export const MEASURED_EVENTS = ['relais-search', 'relais-result', 'relais-submit', 'relais-pathway-view'] as const;

/** The day and site stamped on every event. */
export interface MeasureContext {
  /** Local day `YYYY-MM-DD`; defaults to today on this device. */
  jour?: string;
  /** Host name; defaults to `location.hostname`. */
  site?: string;
  /** `false`: do not take the pending hand-off marker (a search's origin is then `directe`). */
  handoff?: false;
}

function common(ctx: MeasureContext): { v: 1; jour: string; site?: string } {
  const site = (ctx.site ?? (typeof location !== 'undefined' ? location.hostname : '')).toLowerCase();
  return { v: 1, jour: ctx.jour ?? todayIso(), ...(site && site.length <= 80 && /^[a-z0-9.-]+$/.test(site) ? { site } : {}) };
}

type Loose = Record<string, unknown>;

/** The measurement event of a widget event, or null when it is not measured (or lacks what the schema needs). */
export async function toMeasurement(e: Event, ctx: MeasureContext = {}): Promise<MeasurementEvent | null> {
  const ev = e as unknown as Loose;
  switch (e.type) {
    case 'relais-search': {
      const f = (ev['filters'] ?? {}) as Loose;
      const total = ev['total'];
      if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) return null;
      // the origin of a hand-off from another widget, noted when its link or button was used (handoff.ts)
      const from: Handoff = ctx.handoff === false ? { origin: 'directe' } : takeHandoff();
      const origin = ORIGINS.find((o) => o === from.origin) ?? 'directe';
      const out: SearchMeasure = {
        ...common(ctx),
        type: 'recherche',
        thematiques: ids(f['thematiques'], 12),
        zone: await zoneOfCommune(typeof f['commune'] === 'string' ? f['commune'] : null),
        resultats: total,
        origine: origin,
      };
      const publics = ids(f['publics'], 12);
      if (publics.length) out.publics = publics;
      if (isId(ev['need'])) out.besoin = ev['need'];
      if (origin === 'eligibilite' && isId(from.benefit)) out.aide = from.benefit;
      return out;
    }
    case 'relais-result': {
      const results = Array.isArray(ev['results']) ? (ev['results'] as Loose[]) : [];
      const resultats = results
        .filter((r) => isId(r['id']) && STATUSES.includes(r['status'] as (typeof STATUSES)[number]))
        .slice(0, 40)
        .map((r) => ({ aide: r['id'] as string, statut: r['status'] as (typeof STATUSES)[number] }));
      return { ...common(ctx), type: 'eligibilite', resultats, zone: zoneOfArea(ev['area'] as { epci?: string; departement?: string } | null) };
    }
    case 'relais-submit': {
      const state = ev['state'];
      if (!isId(ev['templateId']) || (state !== 'sent' && state !== 'queued')) return null;
      return { ...common(ctx), type: 'fiche', modele: ev['templateId'], etat: state === 'sent' ? 'envoyee' : 'en_attente', ...(isId(ev['recipientType']) ? { destinataire: ev['recipientType'] } : {}) };
    }
    case 'relais-pathway-view': {
      if (!isId(ev['templateId'])) return null;
      const steps = Array.isArray(ev['steps']) ? (ev['steps'] as Loose[]) : [];
      const etapes = steps.filter((s) => isId(s['id']) && typeof s['late'] === 'boolean').slice(0, 40).map((s) => ({ etape: s['id'] as string, statut: s['late'] ? ('en_retard' as const) : ('a_temps' as const) }));
      return { ...common(ctx), type: 'parcours', modele: ev['templateId'], etapes };
    }
    default:
      return null;
  }
}
