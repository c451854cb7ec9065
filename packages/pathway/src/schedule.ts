/**
 * `computeSchedule(template, events, { today })`: where a case stands. Pure and deterministic — the
 * date of today is an argument, never read from a clock.
 *
 * Rules (issue 22):
 * - a deadline whose starting event is known is counted from it; a legal deadline of the administration whose starting
 *   event is unknown shows an indicative date, counted as if that event had happened on time (that step's own legal
 *   deadline, else — for the end of a step — the last known date of the case): the EARLIEST date the law allows, never
 *   « au plus tard ». It is flagged when passed and never moves with today, but its consequence (accord, rejet…) is
 *   never stated: the person is told which date to ask for (`askFor`). A deadline counted from an event still to come
 *   (a discharge, an entry) waits for it;
 * - days: calendar days from the day after the starting event; `months` de date à date; `franc` adds the day after;
 *   `nextWorkingDay` moves an end on a Saturday, Sunday or public holiday to the next working day (CPC 641-642). A
 *   person's deadline ending on such a day without that rule is said passed « à confirmer » until the next working day;
 * - a deadline marked `toVerify` is said « (à confirmer) »; a recours (`ifNotified`) past its end « semble » passed;
 * - `voidIfLapsed`: once the person's own deadline with a silence rule lapsed, the consequence of this one is void;
 * - the person's deadlines are counted only from known events (a reply is never said late for a letter not received);
 * - a `complete` event (dossier complet) starts the deadlines counted from the complete file;
 * - a step inferred done (a later required step happened) keeps its deadline; events of optional steps (a recours, an
 *   urgence) infer nothing;
 * - optional steps can be late (a recours past its 2 months); a deadline `metBy: 'started'` (a recours, a rétractation:
 *   made when sent) is met once the step started in time, and never late after;
 * - a person's reply with a silence rule recorded after its end still lapsed (APA R232-7: the demande is réputée
 *   refusée, the L232-14 forfait is void), said at once on the step in progress;
 * - the late items are ranked by legal weight (the person's own deadlines, silence rules, the administration's legal
 *   deadlines, their estimates, indicative ones) and all listed in `actions`;
 * - events out of order, or dated after today, are refused with a French message naming the event.
 */
import { formatDate, readableLegal as legalWords } from '@relais/core/headless';
import { addDays, addMonths, addWorkingDays, daysBetween, isIsoDate, nextWorkingDayIfClosed, type CalendarOptions, type IsoDate } from './calendar.js';
import { parseEvents, parseFacts, parsePathwayTemplate, PathwayDataError, RUPTURES, type Deadline, type DeadlineAnchor, type PathwayEvent, type PathwayTemplate, type Rupture, type StepTemplate } from './model.js';

/** Status of a step. */
export type StepStatus = 'done' | 'current' | 'upcoming' | 'overdue' | 'skipped';

/** Whose deadline it is. */
export type DeadlineOwner = 'person' | 'administration';

/** One step of a computed schedule. */
export interface ScheduledStep {
  id: string;
  label: string;
  falc: string | undefined;
  status: StepStatus;
  /** Position from 1. */
  index: number;
  optional: boolean;
  actor: StepTemplate['actor'];
  /** Documents with whether each was marked received (a `document-received` event; a date alone says nothing). */
  documents: Array<{ label: string; received: boolean }>;
  startedOn: IsoDate | null;
  doneOn: IsoDate | null;
  /** True when the step is done because a later required step happened (its own date is unknown). */
  inferred: boolean;
  /** Legal (or indicative) due date: counted from its starting event, or its worst case when that event is unknown. */
  dueOn: IsoDate | null;
  /**
   * True when `dueOn` is only indicative: its starting event is unknown and counted as if it had happened on time, from
   * `anchorOn` — the earliest date the law allows, not the latest; its consequence is never stated.
   */
  dueIsEstimate: boolean;
  /** For an indicative date, the assumption it rests on (« si « Dossier complet (accusé de réception) » a eu lieu à temps (le 25 septembre 2026) »). */
  estimateIf: string | null;
  /** A person's deadline ending on a Saturday, Sunday or public holiday with no rule moving it: the next working day, to which the end may move (said « à confirmer »). */
  dueMayMoveTo: IsoDate | null;
  /** The date the deadline is counted from (known, or assumed for an estimate). */
  anchorOn: IsoDate | null;
  /** Days from today to the due date; negative when late (null when done, skipped or simulated). */
  daysLeft: number | null;
  /** Expected date from the usual durations (indicative), never after the step's own deadline. */
  expectedOn: IsoDate | null;
  /** The deadline, with the variants of the declared facts applied. */
  deadline: Deadline | null;
  /** Whose deadline it is (null without deadline). */
  owner: DeadlineOwner | null;
  /** When the deadline applies only under a fact that was not declared: that fact's label (the deadline is then not counted). */
  condition: string | null;
  /** The rule in plain French, without legal reference (« 4 mois après « Dépôt de la demande » ; sans décision à cette date, la demande est réputée rejetée »). */
  deadlineText: string | null;
  /** The deadline as a sentence for the person, dated and worded for whose it is (« Vous avez jusqu’au … pour répondre… »). */
  dueText: string | null;
  /** What to do now, in plain French (for the current or late step). */
  nextAction: string | null;
  /** Legal reference as written in the template (« CASF R241-33 »), for professionals. */
  legal: string | null;
  /** The legal reference in words (« article R241-33 du code de l’action sociale et des familles »), for the public. */
  legalText: string | null;
  /** True when the reference or value still has to be checked on Légifrance (« (à confirmer) » for the public, the mark for professionals). */
  toVerify: boolean;
}

/** One thing the person can do now. */
export interface ScheduleAction {
  stepId: string;
  /** `late`: a deadline has passed; `deadline`: the person's own deadline is running; `now`: the current step. */
  kind: 'late' | 'deadline' | 'now';
  owner: DeadlineOwner | null;
  dueOn: IsoDate | null;
  text: string;
}

/** A computed schedule. */
export interface Schedule {
  template: PathwayTemplate;
  steps: ScheduledStep[];
  /** Id of the current step (the first required step in progress, else the first required step to do), null when all is done. */
  current: string | null;
  /** Ruptures recorded on the case, newest first, with what they mean for the pathway. */
  ruptures: Array<{ kind: Rupture; date: IsoDate; advice: string }>;
  /** Everything the person can do now, most important first: late items by legal weight, then running deadlines of the person, then the current step. */
  actions: ScheduleAction[];
  /** The one thing to do first, in plain French (a recent rupture's advice, then the first action). */
  nextAction: string;
  /** Expected end date (indicative), when it can be estimated. */
  expectedEnd: IsoDate | null;
  /** The facts declared for the case. */
  facts: string[];
}

/** Options of computeSchedule. */
export interface ScheduleOptions extends CalendarOptions {
  /** Today's date (YYYY-MM-DD). Required: the computation reads no clock. */
  today: IsoDate;
  /** Expected calendar only (simulation): nothing is declared late, dates are expectations. */
  expectOnly?: boolean;
  /** Facts declared for the case (ids of the template's `facts`), e.g. `['sejour-permanent']`. */
  facts?: string[];
}

const UNIT_TEXT = { days: ['jour', 'jours'], weeks: ['semaine', 'semaines'], 'working-days': ['jour ouvré', 'jours ouvrés'], months: ['mois', 'mois'] } as const;

const RUPTURE_ADVICE: Record<Rupture, string> = {
  hospitalisation: 'Une hospitalisation peut retarder les rendez-vous et les visites : prévenez l’organisme qui suit la demande, et demandez à l’hôpital de préparer la sortie avec les services à domicile.',
  demenagement: 'Un changement de lieu de vie ou de département peut changer l’organisme compétent : signalez votre nouvelle adresse pour que le dossier soit transmis.',
  'perte-de-droit': 'Un droit a pris fin : vérifiez la date de renouvellement et faites une nouvelle demande sans attendre pour éviter une interruption.',
  majorite: 'Entre 18 et 20 ans, les droits de l’enfant laissent la place à ceux de l’adulte : l’AEEH peut être versée jusqu’à 20 ans, l’AAH à partir de 20 ans (dès 16 ans dans certains cas) ; une nouvelle demande à la MDPH est à prévoir à temps.',
  'avancee-en-age': 'À 60 ans, certaines aides changent (PCH et APA notamment) : renseignez-vous auprès de la MDPH ou du département pour garder vos droits.',
  'autre-rupture': 'Un changement de situation peut interrompre le parcours : parlez-en à votre référent.',
};

/**
 * A legal reference in words, for the public (`readableLegal` of @relais/core), with a decree in lower case, as it
 * follows a label or a code reference: « CASF L223-1-1 ; décret 2016-1283 », « Texte de référence : décret 2016-1476 ».
 */
export function readableLegal(ref: string): string {
  return legalWords(ref).replace(/(^|; )Décret\b/g, '$1décret');
}

/** A date in French words, « 1er avril 2026 ». */
export function frenchDate(d: IsoDate): string {
  return formatDate(d, 'fr');
}

/**
 * Adds a deadline to its starting date: calendar days or weeks from the day after, months de date à date, working days;
 * `franc`: the person may still act the day after; `nextWorkingDay`: an end on a Saturday, Sunday or public holiday
 * moves to the next working day (CPC 641-642).
 */
export function dueDate(start: IsoDate, d: Pick<Deadline, 'amount' | 'unit' | 'nextWorkingDay' | 'franc'>, opts: CalendarOptions = {}): IsoDate {
  let raw = d.unit === 'months' ? addMonths(start, d.amount) : d.unit === 'working-days' ? addWorkingDays(start, d.amount, opts) : addDays(start, d.unit === 'weeks' ? d.amount * 7 : d.amount);
  if (d.franc) raw = addDays(raw, 1);
  return d.nextWorkingDay ? nextWorkingDayIfClosed(raw, opts) : raw;
}

const CONFIRM = ' (à confirmer)';

/** « un samedi », « un dimanche » or « un jour férié ». */
function closedDay(d: IsoDate): string {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd === 0 ? 'un dimanche' : wd === 6 ? 'un samedi' : 'un jour férié';
}

const consequenceOf = (d: Deadline): string | null => d.consequence ?? (d.silence === 'rejet' ? 'la demande est réputée rejetée' : d.silence === 'accord' ? 'la demande est réputée acceptée' : null);

function anchorPhrase(a: DeadlineAnchor, template: PathwayTemplate): string {
  const s = template.steps.find((x) => x.id === a.step);
  const label = s?.label ?? a.step;
  if (a.label) return a.label;
  if (a.event === 'complete') return 'le dossier complet';
  if (a.event === 'started') return `« ${label} »`;
  if (a.event === 'lapsed') return `le rejet implicite (« ${label} » sans réponse dans son délai)`;
  return `la fin de « ${label} »`;
}

function deadlineText(d: Deadline, template: PathwayTemplate, condition: string | null): string {
  const [one, many] = UNIT_TEXT[d.unit];
  const amount = d.amount === 0 ? 'le jour même de' : `${d.amount} ${d.amount > 1 ? many : one} après`;
  let t = `${amount} ${anchorPhrase(d.from, template)}`;
  if (d.orFrom) t += d.combine === 'latest' ? `, ou après ${anchorPhrase(d.orFrom, template)} si c’est plus tard` : `, ou sinon après ${anchorPhrase(d.orFrom, template)}`;
  if (d.franc) t += ', le lendemain compris (délai franc)';
  if (d.nextWorkingDay) t += ', reporté au premier jour ouvrable s’il finit un samedi, un dimanche ou un jour férié';
  if (condition) t = `si « ${condition.charAt(0).toLowerCase()}${condition.slice(1)} » : ${t}`;
  if (d.note) t += ` (${d.note})`;
  if (d.indicative) t += ' — délai indicatif';
  const c = consequenceOf(d);
  if (c) t += d.owner === 'person' ? ` ; sans réponse de votre part à cette date, ${c}` : ` ; sans décision à cette date, ${c}`;
  if (d.toVerify) t += CONFIRM;
  return t;
}

/** Legal weight of a late or running deadline: lower comes first (an indicative date states no consequence). */
function weight(d: Deadline, estimate: boolean): number {
  const silence = !estimate && !!consequenceOf(d);
  if (d.owner === 'person') return silence ? 0 : 1;
  if (d.indicative) return 5;
  if (silence) return 2;
  return estimate ? 4 : 3;
}

/** A computed due date: counted from a known event, or indicative (`estimate`, with the assumption `estimateIf`). */
interface DueInfo {
  dueOn: IsoDate;
  anchorOn: IsoDate;
  estimate: boolean;
  estimateIf: string | null;
  /** A person's deadline ending on a closed day with no rule moving it: the next working day. */
  mayMoveTo: IsoDate | null;
}

interface Facts {
  s: StepTemplate;
  i: number;
  startedOn: IsoDate | null;
  doneOn: IsoDate | null;
  skippedOn: IsoDate | null;
}

/**
 * Computes the schedule of a case. Accepts a template object (validated) and the events
 * `[{ stepId, kind, date }]` (validated against the template); throws PathwayDataError otherwise.
 */
export function computeSchedule(templateRaw: unknown, eventsRaw: unknown, opts: ScheduleOptions): Schedule {
  if (!opts || !isIsoDate(opts.today)) throw new PathwayDataError('Options invalides — today : date AAAA-MM-JJ attendue (le calcul ne lit pas l’horloge).', 'today');
  const template = parsePathwayTemplate(templateRaw);
  const declared = parseFacts(opts.facts, template);
  const raw = parseEvents(eventsRaw, template);
  const today = opts.today;
  const expectOnly = !!opts.expectOnly;
  const stepOf = (id: string) => template.steps.find((s) => s.id === id)!;

  // dated after today: refused (a step cannot be done on a date still to come)
  if (!expectOnly) {
    raw.forEach((e, i) => {
      if (e.date > today) {
        const what = e.kind === 'done' ? `« ${stepOf(e.stepId!).label} » ne peut pas être terminée à une date à venir` : e.kind === 'started' ? `« ${stepOf(e.stepId!).label} » ne peut pas avoir commencé à une date à venir` : 'un événement ne peut pas être enregistré à une date à venir';
        throw new PathwayDataError(`Dossier invalide — events[${i}].date : le ${frenchDate(e.date)} est après aujourd’hui (${frenchDate(today)}) ; ${what}.`, `events[${i}].date`);
      }
    });
  }
  const events = [...raw].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = (stepId: string, kind: PathwayEvent['kind']) => events.find((e) => e.stepId === stepId && e.kind === kind)?.date ?? null;
  const last = (stepId: string, kind: PathwayEvent['kind']) => [...events].reverse().find((e) => e.stepId === stepId && e.kind === kind)?.date ?? null;
  const caseComplete = events.find((e) => e.kind === 'complete')?.date ?? null;

  // raw facts per step; the step marking the dossier complet is done on the date of a `complete` event
  const facts: Facts[] = template.steps.map((s, i) => {
    let doneOn = last(s.id, 'done');
    if (!doneOn && s.marksComplete && caseComplete) doneOn = caseComplete;
    const skippedOn = last(s.id, 'skipped');
    const startedOn = first(s.id, 'started') ?? (doneOn && !skippedOn ? doneOn : null);
    return { s, i, startedOn, doneOn, skippedOn };
  });
  const factOf = (id: string) => facts.find((f) => f.s.id === id)!;
  const completeOn = caseComplete ?? facts.find((f) => f.s.marksComplete)?.doneOn ?? null;

  // events out of order: refused, naming the event
  const firstStart = facts[0]!.startedOn;
  raw.forEach((e, i) => {
    if (!e.stepId) return;
    const s = stepOf(e.stepId);
    const f = factOf(e.stepId);
    const fail = (msg: string) => {
      throw new PathwayDataError(`Dossier invalide — events[${i}].date : ${msg}`, `events[${i}].date`);
    };
    const started = first(e.stepId, 'started');
    if (e.kind === 'done' && started && e.date < started) fail(`« ${s.label} » ne peut pas être terminée le ${frenchDate(e.date)}, avant d’avoir commencé le ${frenchDate(started)}.`);
    if (firstStart && e.date < firstStart && (f.i > 0 || e.kind === 'complete') && e.kind !== 'document-received') fail(`${e.kind === 'complete' ? 'le dossier complet' : `« ${s.label} »`} est daté${e.kind === 'complete' ? '' : 'e'} du ${frenchDate(e.date)}, avant « ${facts[0]!.s.label} » (${frenchDate(firstStart)}) : vérifiez les dates.`);
    const from = s.deadline?.from;
    if (from && (e.kind === 'done' || e.kind === 'started') && (from.event === 'done' || from.event === 'complete') && from.step !== s.id) {
      const a = from.event === 'complete' ? completeOn : factOf(from.step).doneOn;
      if (a && e.date < a) fail(`« ${s.label} » est datée du ${frenchDate(e.date)}, avant ${from.event === 'complete' ? 'le dossier complet' : `« ${stepOf(from.step).label} »`} (${frenchDate(a)}) dont elle dépend : vérifiez les dates.`);
    }
  });

  // alternatives: when a step happened, the one it replaces (or that replaces it) is skipped
  const happened = (id: string) => {
    const f = factOf(id);
    return !!(f.startedOn || f.doneOn);
  };
  const skipped = (f: Facts): boolean => {
    if (f.skippedOn && !f.doneOn) return true;
    if (f.doneOn || f.startedOn) return false;
    if (f.s.alternativeTo && happened(f.s.alternativeTo)) return true;
    return template.steps.some((o) => o.alternativeTo === f.s.id && happened(o.id));
  };
  // only required steps that happened imply the required steps before them (a recours or an urgence imply nothing)
  const lastRequired = Math.max(-1, ...facts.map((f) => (!f.s.optional && (f.doneOn || f.startedOn) ? f.i : -1)));
  const inferred = (f: Facts) => !f.doneOn && !f.s.optional && f.i < lastRequired && !skipped(f);
  const finished = (f: Facts) => !!f.doneOn || skipped(f) || inferred(f);

  // deadlines with the declared facts
  type Effective = { d: Deadline; condition: string | null; voidedBy: StepTemplate | null };
  const effective = (s: StepTemplate): Effective | null => {
    if (!s.deadline) return null;
    let d: Deadline = { ...s.deadline, owner: s.deadline.owner ?? 'administration' };
    for (const v of s.deadline.variants ?? []) {
      if (!declared.includes(v.if)) continue;
      d = { ...d, amount: v.amount ?? d.amount, unit: v.unit ?? d.unit, note: v.note ?? d.note, franc: v.franc ?? d.franc };
    }
    const condition = d.appliesIf && !declared.includes(d.appliesIf) ? (template.facts?.find((x) => x.id === d.appliesIf)?.label ?? d.appliesIf) : null;
    // the person's own deadline with a silence rule lapsed (no reply to the APA plan): this one's consequence is void
    let voidedBy: StepTemplate | null = null;
    if (d.voidIfLapsed && known({ step: d.voidIfLapsed, event: 'lapsed' })) {
      voidedBy = stepOf(d.voidIfLapsed);
      d = { ...d, silence: undefined, consequence: undefined };
    }
    return { d, condition, voidedBy };
  };

  // due dates, memoised (anchors may depend on other steps' due dates)
  type Due = DueInfo | null;
  const memo = new Map<string, Due>();
  const visiting = new Set<string>();
  const lastKnownUpTo = (index: number): IsoDate | null => {
    let best: IsoDate | null = null;
    for (const e of events) if (e.stepId && stepOf(e.stepId) && template.steps.indexOf(stepOf(e.stepId)) <= index && (!best || e.date > best)) best = e.date;
    return best;
  };
  const known = (a: DeadlineAnchor): IsoDate | null => {
    const f = factOf(a.step);
    if (a.event === 'started') return f.startedOn;
    if (a.event === 'done') return f.doneOn;
    if (a.event === 'complete') return completeOn;
    // lapsed: the step's own deadline with a silence rule passed without the step being done in time — a person's
    // reply recorded after the end does not undo the silence rule applied at that end (APA R232-7)
    if (expectOnly) return null;
    const due = dueOf(f.s);
    const e = effective(f.s);
    if (!due || due.estimate || !e || !consequenceOf(e.d)) return null;
    if (f.doneOn) return lateDone(f) ? due.dueOn : null;
    return !finished(f) && due.dueOn < today ? due.dueOn : null;
  };
  // an unknown starting event, counted as if it had happened on time: the earliest date the law allows
  const worst = (a: DeadlineAnchor): { on: IsoDate; cond: string } | null => {
    if (a.event === 'lapsed') return null;
    const target = a.event === 'complete' ? (template.steps.find((s) => s.marksComplete) ?? stepOf(a.step)) : stepOf(a.step);
    if (target.optional) return null;
    const e = effective(target);
    if (e && !e.condition && e.d.owner === 'administration' && !e.d.indicative) {
      const due = dueOf(target);
      if (due) return { on: due.dueOn, cond: `si « ${target.label} » a eu lieu à temps, le ${frenchDate(due.dueOn)}` };
    }
    // the end of a step (done, dossier complet) is at the earliest the last known date; an event still to come (a
    // discharge, an entry, the start of a measure) says nothing until it happens
    const last = a.event === 'started' ? null : lastKnownUpTo(template.steps.indexOf(target));
    return last ? { on: last, cond: `si « ${target.label} » a eu lieu dès le ${frenchDate(last)}` } : null;
  };
  function dueOf(s: StepTemplate): Due {
    if (memo.has(s.id)) return memo.get(s.id)!;
    if (visiting.has(s.id)) return null;
    visiting.add(s.id);
    let out: Due = null;
    const e = effective(s);
    if (e && !e.condition) {
      const { d } = e;
      const a1 = known(d.from);
      const a2 = d.orFrom ? known(d.orFrom) : null;
      // `latest`: counted from `from`, or from `orFrom` when it is later (a rétractation runs from the signature, or from
      // the admission when it comes after); `first`: from `from`, else `orFrom`
      const anchor = d.combine === 'latest' ? (a1 && a2 && a2 > a1 ? a2 : a1) : (a1 ?? a2);
      if (anchor) {
        const dueOn = dueDate(anchor, d, opts);
        // a person's deadline ending on a closed day, with no rule moving it: the end may move (said « à confirmer »)
        const moved = d.owner === 'person' && !d.nextWorkingDay ? nextWorkingDayIfClosed(dueOn, opts) : dueOn;
        out = { dueOn, anchorOn: anchor, estimate: false, estimateIf: null, mayMoveTo: moved !== dueOn ? moved : null };
      } else if (d.owner === 'administration' && !d.indicative && !s.optional) {
        const w = worst(d.from);
        if (w) out = { dueOn: dueDate(w.on, d, opts), anchorOn: w.on, estimate: true, estimateIf: w.cond, mayMoveTo: null };
      }
    }
    visiting.delete(s.id);
    memo.set(s.id, out);
    return out;
  }

  // a person's deadline met by starting the step (a recours sent, a rétractation sent) in time
  const metByStart = (f: Facts): boolean => {
    const e = effective(f.s);
    const due = dueOf(f.s);
    return e?.d.metBy === 'started' && !!f.startedOn && !!due && !due.estimate && f.startedOn <= due.dueOn;
  };
  // a person's step done after the end of its deadline
  function lateDone(f: Facts): boolean {
    const e = effective(f.s);
    const due = dueOf(f.s);
    return !!f.doneOn && e?.d.owner === 'person' && !!due && !due.estimate && f.doneOn > due.dueOn;
  }

  // current step: the first required step in progress, else the first required step to do
  const open = facts.filter((f) => !finished(f));
  const currentFact = open.find((f) => !f.s.optional && f.startedOn) ?? open.find((f) => !f.s.optional) ?? null;

  // expected calendar (indicative): each step ends `typicalDays` after it starts, never after its own deadline; the
  // next one starts at the later of that end and the deadline (a decision is not expected after its rejection date,
  // and what follows it is not expected before it)
  let cursor: IsoDate | null = null;
  const expected = new Map<string, IsoDate | null>();
  for (const f of facts) {
    if (f.doneOn) {
      if (!cursor || f.doneOn > cursor) cursor = f.doneOn;
      expected.set(f.s.id, f.doneOn);
      continue;
    }
    if (skipped(f) || inferred(f) || (f.s.optional && !f.startedOn)) {
      expected.set(f.s.id, null);
      continue;
    }
    const start: IsoDate | null = f.startedOn ?? cursor;
    if (!start) {
      expected.set(f.s.id, null);
      continue;
    }
    let end = addDays(start, f.s.typicalDays ?? 0);
    if (!expectOnly && end < today) end = today; // not done yet: it cannot be expected in the past
    const due = dueOf(f.s);
    expected.set(f.s.id, due && due.dueOn < end ? due.dueOn : end);
    cursor = due && due.dueOn > end ? due.dueOn : end;
  }

  const steps: ScheduledStep[] = facts.map((f) => {
    const s = f.s;
    const e = effective(s);
    const due = dueOf(s);
    const isSkipped = skipped(f);
    const isInferred = inferred(f);
    const isFinished = finished(f);
    const met = !expectOnly && metByStart(f);
    let status: StepStatus;
    if (isSkipped) status = 'skipped';
    else if (f.doneOn || isInferred) status = 'done';
    else if (due && due.dueOn < today && !expectOnly && !met) status = 'overdue';
    else if (f === currentFact || f.startedOn) status = 'current';
    else status = 'upcoming';
    const received = new Set(events.filter((x) => x.stepId === s.id && x.kind === 'document-received').map((x) => x.document));
    const daysLeft = due && !isFinished && !expectOnly && !met ? daysBetween(today, due.dueOn) : null;
    const c = e ? consequenceOf(e.d) : null;
    const dueText = met
      ? `Fait le ${frenchDate(f.startedOn!)}, dans le délai (qui courait jusqu’au ${frenchDate(due!.dueOn)}).`
      : !expectOnly && lateDone(f) && c
        ? `Fait le ${frenchDate(f.doneOn!)}, après la fin du délai le ${frenchDate(due!.dueOn)} : sans réponse de votre part dans le délai, ${c}.`
        : due && e && !isFinished
          ? dueSentence(s, e, due, daysLeft, expectOnly, today)
          : null;
    // what to do once late: never a consequence's advice on an indicative date (the date to ask for is said instead),
    // nor once the consequence is void
    const whenLate = e?.voidedBy || (due?.estimate && (e?.d.askFor || consequenceOf(e!.d))) ? null : s.whenLate;
    let nextAction: string | null = null;
    if (status === 'overdue') nextAction = [dueText, whenLate].filter(Boolean).join(' ');
    else if (status === 'current' && met) nextAction = `${s.label} — ${dueText}`;
    else if (status === 'current') {
      // a consequence made void by the person's reply recorded too late is said now, with what to do (not at the end)
      const voidedLate = e?.voidedBy && lateDone(factOf(e.voidedBy.id)) ? e.voidedBy.whenLate : null;
      nextAction = [s.action ?? `Étape en cours auprès de : ${s.actor.label}.`, e?.d.owner === 'person' || voidedLate ? dueText : null, voidedLate].filter(Boolean).join(' ');
    }
    const legal = s.deadline?.legal ?? s.legal ?? null;
    return {
      id: s.id,
      label: s.label,
      falc: s.falc,
      status,
      index: f.i + 1,
      optional: !!s.optional,
      actor: s.actor,
      documents: (s.documents ?? []).map((label) => ({ label, received: received.has(label) })),
      startedOn: f.startedOn,
      doneOn: f.doneOn,
      inferred: isInferred,
      dueOn: due?.dueOn ?? null,
      dueIsEstimate: !!due?.estimate,
      estimateIf: due?.estimateIf ?? null,
      dueMayMoveTo: due?.mayMoveTo ?? null,
      anchorOn: due?.anchorOn ?? null,
      daysLeft,
      expectedOn: expected.get(s.id) ?? null,
      deadline: e?.d ?? null,
      owner: e ? (e.d.owner ?? 'administration') : null,
      condition: e?.condition ?? null,
      deadlineText: e ? deadlineText(e.d, template, e.condition) : null,
      dueText,
      nextAction,
      legal,
      legalText: legal ? readableLegal(legal) : null,
      toVerify: !!s.deadline?.toVerify || !!s.toVerify || /à vérifier/.test(legal ?? ''),
    };
  });

  const ruptures = events
    .filter((e) => (RUPTURES as readonly string[]).includes(e.kind))
    .reverse()
    .map((e) => ({ kind: e.kind as Rupture, date: e.date, advice: RUPTURE_ADVICE[e.kind as Rupture] }));

  // what the person can do now: every late item, by legal weight (an optional step's lapsed right only while no later
  // required step is done), then the person's running deadlines, then the current step
  const lastRequiredDone = Math.max(-1, ...facts.map((f) => (!f.s.optional && f.doneOn ? f.i : -1)));
  const actions: ScheduleAction[] = [];
  steps
    .filter((s) => s.status === 'overdue' && !(s.optional && s.index - 1 < lastRequiredDone))
    .sort((a, b) => weight(a.deadline!, a.dueIsEstimate) - weight(b.deadline!, b.dueIsEstimate) || (a.dueOn! < b.dueOn! ? -1 : a.dueOn! > b.dueOn! ? 1 : a.index - b.index))
    .forEach((s) => actions.push({ stepId: s.id, kind: 'late', owner: s.owner, dueOn: s.dueOn, text: s.nextAction! }));
  if (!expectOnly) {
    steps
      .filter((s) => s.owner === 'person' && s.dueOn && !s.dueIsEstimate && s.daysLeft !== null && s.daysLeft >= 0 && s.status !== 'done' && s.status !== 'skipped')
      .sort((a, b) => (a.dueOn! < b.dueOn! ? -1 : a.dueOn! > b.dueOn! ? 1 : a.index - b.index))
      .forEach((s) => actions.push({ stepId: s.id, kind: 'deadline', owner: 'person', dueOn: s.dueOn, text: s.status === 'current' ? s.nextAction! : `${s.label} — ${s.dueText}` }));
  }
  for (const s of steps) {
    if (s.status === 'current' && !actions.some((a) => a.stepId === s.id)) actions.push({ stepId: s.id, kind: 'now', owner: s.owner, dueOn: s.dueOn, text: s.nextAction! });
  }

  let nextAction = actions[0]?.text ?? (steps.every((s) => s.status === 'done' || s.status === 'skipped' || s.optional) ? 'Le parcours est terminé.' : 'Aucune étape en cours.');
  const recentRupture = ruptures.find((r) => daysBetween(r.date, today) <= 90);
  if (recentRupture) nextAction = `${recentRupture.advice} ${nextAction}`;
  const lastExpected = [...steps].reverse().find((s) => s.expectedOn && !s.optional)?.expectedOn ?? null;

  return { template, steps, current: currentFact?.s.id ?? null, ruptures, actions, nextAction, expectedEnd: lastExpected, facts: declared };
}

/** The deadline as a dated sentence, worded for whose it is. */
function dueSentence(s: StepTemplate, e: { d: Deadline; voidedBy: StepTemplate | null }, due: DueInfo, daysLeft: number | null, expectOnly: boolean, today: IsoDate): string {
  const { d } = e;
  const date = frenchDate(due.dueOn);
  const c = consequenceOf(d);
  const task = d.task ?? `terminer « ${s.label} »`;
  const passed = daysLeft !== null && daysLeft < 0;
  const confirm = d.toVerify ? CONFIRM : '';
  if (d.owner === 'person') {
    if (passed) {
      // the end fell on a closed day and may move to the next working day: not said certain until that day has passed
      const moved = due.mayMoveTo && today <= due.mayMoveTo ? ` (à confirmer : ce jour était ${closedDay(due.dueOn)} ; le délai est peut-être reporté au ${frenchDate(due.mayMoveTo)})` : '';
      const verb = d.ifNotified ? 'semble avoir expiré' : 'a expiré';
      return `Le délai pour ${task} ${verb} le ${date}${moved}${confirm}${c ? ` : sans réponse de votre part, ${c}` : ''}.`;
    }
    return `Vous avez jusqu’au ${date} pour ${task}${c ? ` ; sans réponse, ${c}` : ''}${confirm}.`;
  }
  const by = d.by ?? `L’organisme (${s.actor.label})`;
  const indicative = d.indicative ? ' (délai indicatif)' : '';
  if (due.estimate) {
    // the earliest date the law allows, under its assumption: never its consequence, the date to ask for instead
    const who = by.charAt(0).toLowerCase() + by.slice(1);
    const ask = d.askFor ? ` Pour la connaître, ${d.askFor}.` : '';
    const what = `la date de départ n’est pas connue et le délai peut finir plus tard${confirm}.${ask}`;
    if (passed) return `Date indicative dépassée : ${due.estimateIf}, ${who} devait ${task} au plus tard le ${date} ; ${what}`;
    if (expectOnly) return `Date indicative : ${due.estimateIf}, ${who} doit ${task} au plus tard le ${date}${confirm}.`;
    return `Date indicative : ${due.estimateIf}, ${who} doit ${task} au plus tard le ${date} ; ${what}`;
  }
  if (e.voidedBy) {
    const v = e.voidedBy.deadline!;
    const vc = v.consequence ?? (v.silence === 'rejet' ? 'la demande est réputée rejetée' : 'la demande est réputée acceptée');
    return `${by} ${passed ? 'devait' : 'doit'} ${task} au plus tard le ${date}${indicative}${confirm} ; votre délai pour ${v.task ?? `terminer « ${e.voidedBy.label} »`} étant passé, ${vc}.`;
  }
  if (passed) return `${by} devait ${task} au plus tard le ${date}${indicative}${c ? ` ; sans décision à cette date, ${c}` : ''}${confirm}.`;
  return `${by} doit ${task} au plus tard le ${date}${indicative}${c ? ` ; sans décision à cette date, ${c}` : ''}${confirm}.`;
}

/** "Simulate my pathway": the expected calendar from the date of the request only. */
export function simulate(template: unknown, requestDate: IsoDate, opts: ScheduleOptions): Schedule {
  const t = parsePathwayTemplate(template);
  if (!isIsoDate(requestDate)) throw new PathwayDataError('Date de la demande invalide : AAAA-MM-JJ attendu.', 'requestDate');
  return computeSchedule(t, [{ stepId: t.steps[0]!.id, kind: 'done', date: requestDate }], { ...opts, expectOnly: true });
}
