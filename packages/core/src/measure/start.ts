/** Turns measurement on: listens to the widgets' public events and hands schema events to the sinks. */
import { setHandoffMarking } from '../element/handoff.js';
import { MEASURED_EVENTS, toMeasurement, type MeasureContext } from './map.js';
import type { MeasurementSink } from './types.js';
import { matomoSink, serverSink } from './sinks.js';

/** Options of {@link startMeasurement}. */
export interface MeasurementOptions extends MeasureContext {
  /** Where events go (`serverSink`, `matomoSink`, `callbackSink`). */
  sinks: readonly MeasurementSink[];
  /** Where to listen (default `document`); events are composed, heard in the capture phase. */
  root?: EventTarget;
  /** Events heard before the measurement code was loaded (by `<relais-provider>`), measured first. */
  replay?: readonly Event[];
}

/**
 * Starts measuring (nothing is measured unless this is called, by the site or by `<relais-provider mesure-…>`).
 * Returns a function that stops it (and sends what is pending).
 */
export function startMeasurement(opts: MeasurementOptions): () => void {
  const root = opts.root ?? document;
  const sinks = [...opts.sinks];
  let stopped = false;
  const listener = (e: Event): void => {
    void toMeasurement(e, opts).then(
      (m) => {
        if (!m || stopped) return;
        for (const s of sinks) {
          try {
            s.send(m);
          } catch {
            // a sink never breaks the page
          }
        }
      },
      () => undefined,
    );
  };
  for (const e of opts.replay ?? []) listener(e);
  for (const name of MEASURED_EVENTS) root.addEventListener(name, listener, { capture: true });
  setHandoffMarking(true);
  return () => {
    if (stopped) return;
    stopped = true;
    for (const name of MEASURED_EVENTS) root.removeEventListener(name, listener, { capture: true });
    setHandoffMarking(false);
    for (const s of sinks) s.close?.();
  };
}

/** What `<relais-provider mesure-endpoint mesure-matomo>` starts: measures the widgets inside `root`. */
export function measureFromAttributes(root: HTMLElement, endpoint: string | null, matomo: boolean, replay: readonly Event[]): () => void {
  const sinks = [...(endpoint ? [serverSink(new URL(endpoint, document.baseURI).href)] : []), ...(matomo ? [matomoSink()] : [])];
  return startMeasurement({ sinks, root, replay });
}
