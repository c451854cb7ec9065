/**
 * `computeSchedule(template, events, { today })`: where a case stands. Pure and deterministic — the
 * date of today is an argument, never read from a clock.
 */
import { addDays, addMonths, addWorkingDays, daysBetween, isIsoDate, nextWorkingDayIfClosed, type CalendarOptions, type IsoDate } from './calendar.js';
import { parseEvents, parseTemplate, PathwayDataError, RUPTURES, type Deadline, type PathwayEvent, type PathwayTemplate, type Rupture, type StepTemplate } from './model.js';

/** Status of a step. */
export type StepStatus = 'done' | 'current' | 'upcoming' | 'overdue' | 'skipped';

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
  /** Documents with whether each was received. */
  documents: Array<{ label: string; received: boolean }>;
  startedOn: IsoDate | null;
  doneOn: IsoDate | null;
  /** Legal (or indicative) due date, when its starting event is known. */
  dueOn: IsoDate | null;
  /** True when `dueOn` is estimated from the expected calendar (its starting event has not happened yet). */
  dueIsEstimate: boolean;
  /** Days from today to the due date; negative when late. */
  daysLeft: number | null;
  /** Expected date from the usual durations (indicative), when no event says otherwise. */
  expectedOn: IsoDate | null;
  deadline: Deadline | null;
  /** The deadline in plain French ("4 mois après le dépôt de la demande (CASF R241-33) ; sans décision, la demande est réputée rejetée"). */
  deadlineText: string | null;
  /** What to do now, in plain French (for the current or late step). */
  nextAction: string | null;
  legal: string | null;
}

/** A computed schedule. */
export interface Schedule {
  template: PathwayTemplate;
  steps: ScheduledStep[];
  /** Id of the current step (the first step in progress or next to do), null when all is done. */
  current: string | null;
  /** Ruptures recorded on the case, newest first, with what they mean for the pathway. */
  ruptures: Array<{ kind: Rupture; date: IsoDate; advice: string }>;
  /** The one thing to do now, in plain French. */
  nextAction: string;
  /** Expected end date (indicative), when it can be estimated. */
  expectedEnd: IsoDate | null;
}

/** Options of computeSchedule. */
export interface ScheduleOptions extends CalendarOptions {
  /** Today's date (YYYY-MM-DD). Required: the computation reads no clock. */
  today: IsoDate;
  /** Expected calendar only (simulation): nothing is declared late, dates are expectations. */
  expectOnly?: boolean;
}

const UNIT_TEXT = { days: ['jour', 'jours'], 'working-days': ['jour ouvré', 'jours ouvrés'], months: ['mois', 'mois'] } as const;

const RUPTURE_ADVICE: Record<Rupture, string> = {
  hospitalisation: 'Une hospitalisation peut retarder les rendez-vous et les visites : prévenez l’organisme qui suit la demande, et demandez à l’hôpital de préparer la sortie avec les services à domicile.',
  demenagement: 'Un changement de lieu de vie ou de département peut changer l’organisme compétent : signalez votre nouvelle adresse pour que le dossier soit transmis.',
  'perte-de-droit': 'Un droit a pris fin : vérifiez la date de renouvellement et faites une nouvelle demande sans attendre pour éviter une interruption.',
  majorite: 'Au passage à la majorité, les droits de l’enfant (AEEH…) laissent la place à ceux de l’adulte (AAH, PCH…) : une nouvelle demande à la MDPH est à prévoir.',
  'avancee-en-age': 'À 60 ans, certaines aides changent (PCH et APA notamment) : renseignez-vous auprès de la MDPH ou du département pour garder vos droits.',
  'autre-rupture': 'Un changement de situation peut interrompre le parcours : parlez-en à votre référent.',
};

/** Adds a deadline to its starting date. */
export function dueDate(start: IsoDate, d: Pick<Deadline, 'amount' | 'unit' | 'nextWorkingDay'>, opts: CalendarOptions = {}): IsoDate {
  const raw = d.unit === 'months' ? addMonths(start, d.amount) : d.unit === 'working-days' ? addWorkingDays(start, d.amount, opts) : addDays(start, d.amount);
  return d.nextWorkingDay ? nextWorkingDayIfClosed(raw, opts) : raw;
}

function deadlineText(d: Deadline, template: PathwayTemplate): string {
  const from = template.steps.find((s) => s.id === d.from.step);
  const [one, many] = UNIT_TEXT[d.unit];
  const amount = d.amount === 0 ? 'le jour même de' : `${d.amount} ${d.amount > 1 ? many : one} après`;
  const anchor = d.from.event === 'complete' ? `le dossier complet (${from?.label.toLowerCase()})` : d.from.event === 'started' ? `« ${from?.label} »` : `la fin de « ${from?.label} »`;
  let t = `${amount} ${anchor}`;
  if (d.legal) t += ` (${d.legal}${d.toVerify ? ', à vérifier' : ''})`;
  if (d.indicative) t += ' — délai indicatif';
  if (d.silence === 'rejet') t += ' ; sans réponse à cette date, la demande est réputée rejetée';
  if (d.silence === 'accord') t += ' ; sans réponse à cette date, la demande est réputée acceptée';
  return t;
}

/**
 * Computes the schedule of a case. Accepts a template object (validated) and the events
 * `[{ stepId, kind, date }]` (validated against the template); throws PathwayDataError otherwise.
 */
export function computeSchedule(templateRaw: unknown, eventsRaw: unknown, opts: ScheduleOptions): Schedule {
  if (!opts || !isIsoDate(opts.today)) throw new PathwayDataError('Options invalides — today : date AAAA-MM-JJ attendue (le calcul ne lit pas l’horloge).', 'today');
  const template = parseTemplate(templateRaw);
  const events = [...parseEvents(eventsRaw, template)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const today = opts.today;
  const first = (stepId: string, kind: PathwayEvent['kind']) => events.find((e) => e.stepId === stepId && e.kind === kind)?.date ?? null;
  const last = (stepId: string, kind: PathwayEvent['kind']) => [...events].reverse().find((e) => e.stepId === stepId && e.kind === kind)?.date ?? null;

  // raw facts per step
  const facts = template.steps.map((s) => {
    const doneOn = last(s.id, 'done');
    const skippedOn = last(s.id, 'skipped');
    const startedOn = first(s.id, 'started') ?? (doneOn && !skippedOn ? doneOn : null);
    return { s, startedOn, doneOn, skippedOn, complete: first(s.id, 'complete') };
  });
  const factOf = (id: string) => facts.find((f) => f.s.id === id)!;
  const anchorDate = (d: Deadline): IsoDate | null => {
    const f = factOf(d.from.step);
    return d.from.event === 'started' ? f.startedOn : d.from.event === 'done' ? f.doneOn : (f.complete ?? f.doneOn);
  };
  // alternatives: when a step happened, the one it replaces (or that replaces it) is skipped
  const happened = (id: string) => {
    const f = factOf(id);
    return !!(f.startedOn || f.doneOn);
  };
  const skipped = (f: (typeof facts)[number]): boolean => {
    if (f.skippedOn && !f.doneOn) return true;
    if (f.doneOn || f.startedOn) return false;
    if (f.s.alternativeTo && happened(f.s.alternativeTo)) return true;
    return template.steps.some((o) => o.alternativeTo === f.s.id && happened(o.id));
  };

  // the furthest step something happened to: required steps before it without events happened too
  const lastDoneIndex = Math.max(-1, ...facts.map((f, i) => (f.doneOn || f.startedOn ? i : -1)));
  const implicitDone = (f: (typeof facts)[number], i: number) => !f.doneOn && !f.s.optional && i < lastDoneIndex && !skipped(f);
  // current step: the first started and not finished, else the first required step not done after that
  const open = facts.filter((f, i) => !skipped(f) && !f.doneOn && !implicitDone(f, i));
  const currentFact = open.find((f) => f.startedOn) ?? open.find((f) => !f.s.optional) ?? null;

  // expected calendar (indicative): each step ends `typicalDays` after it starts; the next starts then
  let cursor: IsoDate | null = null;
  const expected = new Map<string, IsoDate | null>();
  facts.forEach((f, i) => {
    if (f.doneOn) {
      cursor = f.doneOn;
      expected.set(f.s.id, f.doneOn);
      return;
    }
    if (skipped(f) || implicitDone(f, i) || (f.s.optional && !f.startedOn)) {
      expected.set(f.s.id, null);
      return;
    }
    const start: IsoDate | null = f.startedOn ?? cursor;
    if (!start) {
      expected.set(f.s.id, null);
      return;
    }
    let end = addDays(start, f.s.typicalDays ?? 0);
    if (end < today) end = today; // not done yet: it cannot end in the past
    cursor = end;
    expected.set(f.s.id, end);
  });

  const steps: ScheduledStep[] = facts.map((f, i) => {
    const s = f.s;
    const isSkipped = skipped(f);
    const anchor = s.deadline ? anchorDate(s.deadline) : null;
    const estimatedAnchor = s.deadline && !anchor ? (expected.get(s.deadline.from.step) ?? null) : null;
    const dueOn = s.deadline && (anchor ?? estimatedAnchor) ? dueDate((anchor ?? estimatedAnchor)!, s.deadline, opts) : null;
    const dueIsEstimate = !anchor && !!dueOn;
    const finished = !!f.doneOn || isSkipped || implicitDone(f, i);
    let status: StepStatus;
    if (isSkipped) status = 'skipped';
    else if (f.doneOn || implicitDone(f, i)) status = 'done';
    else if (s.optional && !f.startedOn) status = 'upcoming'; // an optional step not taken is never late
    else if (dueOn && !dueIsEstimate && dueOn < today && !opts.expectOnly) status = 'overdue';
    else if (f === currentFact || f.startedOn) status = 'current';
    else status = 'upcoming';
    const received = new Set(events.filter((e) => e.stepId === s.id && e.kind === 'document-received').map((e) => e.document));
    const daysLeft = dueOn && !finished && !dueIsEstimate && !opts.expectOnly ? daysBetween(today, dueOn) : null;
    let nextAction: string | null = null;
    if (status === 'overdue') nextAction = s.whenLate ?? `Le délai est dépassé depuis ${-daysLeft!} jour${-daysLeft! > 1 ? 's' : ''} : contactez ${s.actor.label}.`;
    else if (status === 'current') {
      nextAction = s.action ?? `Étape en cours auprès de : ${s.actor.label}.`;
    }
    return {
      id: s.id,
      label: s.label,
      falc: s.falc,
      status,
      index: i + 1,
      optional: !!s.optional,
      actor: s.actor,
      documents: (s.documents ?? []).map((label) => ({ label, received: received.has(label) || !!f.doneOn })),
      startedOn: f.startedOn,
      doneOn: f.doneOn,
      dueOn,
      dueIsEstimate,
      daysLeft,
      expectedOn: expected.get(s.id) ?? null,
      deadline: s.deadline ?? null,
      deadlineText: s.deadline ? deadlineText(s.deadline, template) : null,
      nextAction,
      legal: s.legal ?? s.deadline?.legal ?? null,
    };
  });

  const ruptures = events
    .filter((e) => (RUPTURES as readonly string[]).includes(e.kind))
    .reverse()
    .map((e) => ({ kind: e.kind as Rupture, date: e.date, advice: RUPTURE_ADVICE[e.kind as Rupture] }));

  const overdue = steps.find((s) => s.status === 'overdue');
  const current = steps.find((s) => s.status === 'current');
  const focus = overdue ?? current ?? null;
  let nextAction = focus?.nextAction ?? (steps.every((s) => s.status === 'done' || s.status === 'skipped' || s.optional) ? 'Le parcours est terminé.' : 'Aucune étape en cours.');
  const recentRupture = ruptures.find((r) => daysBetween(r.date, today) <= 90);
  if (recentRupture) nextAction = `${recentRupture.advice} ${nextAction}`;
  const lastExpected = [...steps].reverse().find((s) => s.expectedOn && !s.optional)?.expectedOn ?? null;

  return { template, steps, current: focus?.id ?? null, ruptures, nextAction, expectedEnd: lastExpected };
}

/** "Simulate my pathway": the expected calendar from the date of the request only. */
export function simulate(template: unknown, requestDate: IsoDate, opts: ScheduleOptions): Schedule {
  const t = parseTemplate(template);
  if (!isIsoDate(requestDate)) throw new PathwayDataError('Date de la demande invalide : AAAA-MM-JJ attendu.', 'requestDate');
  return computeSchedule(t, [{ stepId: t.steps[0]!.id, kind: 'done', date: requestDate }], { ...opts, expectOnly: true });
}
