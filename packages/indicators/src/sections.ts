/**
 * The dashboard's sections as tables (what is shown, what the CSV holds, what the chart draws): one function per
 * section, from the answer, in the page's language. No DOM here.
 */
import { countOf, type Count, type Indicators } from './model.js';

/** A cell: text, a number, or a masked count (« moins de k »). */
export type Cell = string | { n: number } | { masked: true };

/** The id of a section (also its anchor and the CSV file's name). */
export type SectionId = 'besoins-non-couverts' | 'besoins' | 'eligibilite' | 'fiches' | 'parcours' | 'fraicheur' | 'contributions';

/** A section's table: column headers, rows, and which columns a bar chart draws (label column, value column). */
export interface SectionTable {
  id: SectionId;
  headers: string[];
  rows: Cell[][];
  /** Column indexes: the bar's label (joined with ` — ` when several) and its value. */
  chart?: { label: number[]; value: number };
}

export const cell = (c: Count): Cell => {
  const n = countOf(c);
  return n === null ? { masked: true } : { n };
};
/** The number of a cell (null for text and masked cells). */
export const cellNumber = (c: Cell | undefined): number | null => (c && typeof c === 'object' && 'n' in c ? c.n : null);

/** Sorts rows by a count column, the largest first, masked cells after every published one. */
const byCount = (col: number) => (a: Cell[], b: Cell[]) => (cellNumber(b[col]) ?? -1) - (cellNumber(a[col]) ?? -1);
const plain = (n: number | undefined): Cell => ({ n: n ?? 0 });

const STATUS_ORDER = ['eligible', 'probable', 'unknown', 'not_eligible'];

/** Words the tables need from the element. */
export interface SectionText {
  col(key: string): string;
  status(s: string): string;
  zone(z: Indicators['besoins_non_couverts'][number]['zone']): string;
  label(kind: 'besoin' | 'aide' | 'modele' | 'destinataire' | 'parcours' | 'etape', id: string): string;
}

export function sectionTables(d: Indicators, t: SectionText): Record<SectionId, SectionTable> {
  return {
    'besoins-non-couverts': {
      id: 'besoins-non-couverts',
      headers: [t.col('colNeed'), t.col('colZone'), t.col('colNoResult'), t.col('colSearches')],
      rows: d.besoins_non_couverts.map((r) => [t.label('besoin', r.besoin), t.zone(r.zone), cell(r.sans_resultat), cell(r.recherches)]).sort(byCount(2)),
      chart: { label: [0, 1], value: 2 },
    },
    besoins: {
      id: 'besoins',
      headers: [t.col('colNeed'), t.col('colSearches'), t.col('colNoResult')],
      rows: d.besoins.map((r) => [t.label('besoin', r.besoin), cell(r.recherches), cell(r.sans_resultat)]).sort(byCount(1)),
      chart: { label: [0], value: 1 },
    },
    eligibilite: {
      id: 'eligibilite',
      headers: [t.col('colAide'), t.col('colStatus'), t.col('colResults'), t.col('colFollowed')],
      rows: [...d.eligibilite]
        .sort((a, b) => t.label('aide', a.aide).localeCompare(t.label('aide', b.aide), 'fr') || STATUS_ORDER.indexOf(a.statut) - STATUS_ORDER.indexOf(b.statut))
        .map((r) => [t.label('aide', r.aide), t.status(r.statut), cell(r.n), cell(r.suivis_d_une_recherche)]),
      chart: { label: [0, 1], value: 2 },
    },
    fiches: {
      id: 'fiches',
      headers: [t.col('colTemplate'), t.col('colRecipient'), t.col('colSent'), t.col('colQueued')],
      rows: d.fiches.map((r) => [t.label('modele', r.modele), t.label('destinataire', r.destinataire), cell(r.envoyees), cell(r.en_attente)]).sort(byCount(2)),
      chart: { label: [0, 1], value: 2 },
    },
    parcours: {
      id: 'parcours',
      headers: [t.col('colPathway'), t.col('colStep'), t.col('colLate'), t.col('colOnTime')],
      rows: d.parcours.map((r) => [t.label('parcours', r.modele), t.label('etape', r.etape), cell(r.en_retard), cell(r.a_temps)]).sort(byCount(2)),
      chart: { label: [0, 1], value: 2 },
    },
    fraicheur: {
      id: 'fraicheur',
      headers: [t.col('colRecords'), t.col('colNumber')],
      rows:
        typeof d.fraicheur?.services === 'number' && typeof d.fraicheur.a_verifier === 'number'
          ? [
              [t.col('rowServices'), plain(d.fraicheur.services)],
              [t.col('rowToCheck'), plain(d.fraicheur.a_verifier)],
            ]
          : [],
    },
    contributions: {
      id: 'contributions',
      headers: [t.col('colStructure'), t.col('colSuggestions'), t.col('colAccepted'), t.col('colConfirmations')],
      rows: (d.contributions ?? [])
        .map((r): Cell[] => [r.structure_nom ?? r.structure_id ?? '', plain(r.suggestions), plain(r.acceptees), plain(r.confirmations)])
        .sort(byCount(1)),
      chart: { label: [0], value: 1 },
    },
  };
}

/** The bars of a section's chart: its rows with a published value, largest first, at most `max`. */
export function chartBars(table: SectionTable, max = 12): Array<{ label: string; value: number }> {
  if (!table.chart) return [];
  const { label, value } = table.chart;
  return table.rows
    .map((r) => ({ label: label.map((i) => (typeof r[i] === 'string' ? (r[i] as string) : '')).join(' — '), value: cellNumber(r[value]) }))
    .filter((b): b is { label: string; value: number } => b.value !== null)
    .sort((a, b) => b.value - a.value)
    .slice(0, max);
}
