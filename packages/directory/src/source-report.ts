/**
 * What the data source reported, as the directory tells it: a failure (its French sentence shown with a retry button,
 * announced, `relais-error`) and the invalid records it skipped (`relais-data-warning`, once per count). No lifecycle of
 * its own: it asks its host to render again when its state changes.
 */
import type { ReactiveControllerHost } from 'lit';
import { RelaisDataWarningEvent, RelaisError, RelaisErrorEvent, type RelaisClient } from '@relais/core';

export class SourceReport {
  /** The failure shown, or `null`. */
  error: RelaisError | null = null;
  /** How many invalid records the source skipped (said in pro mode). */
  skipped = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly h: { emit(e: Event): void; announce(text: string): void },
  ) {}

  /** A search, the source or a detail failed: shown, announced, told. */
  fail(e: unknown): void {
    const err = e instanceof RelaisError ? e : new RelaisError('network', { detail: String(e) });
    this.error = err;
    this.host.requestUpdate();
    this.h.announce(err.message);
    this.h.emit(new RelaisErrorEvent(err.kind, err.message, err.status));
  }

  /** A search found its results: no failure is shown any more. */
  clear(): void {
    if (!this.error) return;
    this.error = null;
    this.host.requestUpdate();
  }

  /** The source's diagnostics: told when it skipped another number of records than last told. */
  diagnostics(client: RelaisClient): void {
    const d = client.diagnostics;
    if (!d || d.skipped + d.warnings === 0 || d.skipped === this.skipped) return;
    this.skipped = d.skipped;
    this.host.requestUpdate();
    this.h.emit(new RelaisDataWarningEvent(d.skipped, d.warnings, d.received));
  }
}
