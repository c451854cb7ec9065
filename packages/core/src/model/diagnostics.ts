import type { DataIssue, Diagnostics } from './types.js';

const MAX_ISSUES = 200;

/** Collects data issues while normalising a source. */
export class DiagnosticsCollector {
  readonly report: Diagnostics = { received: 0, accepted: 0, skipped: 0, warnings: 0, issues: [] };

  add(issue: DataIssue): void {
    if (issue.severity === 'error') this.report.skipped++;
    else this.report.warnings++;
    if (this.report.issues.length < MAX_ISSUES) this.report.issues.push(issue);
  }

  /** Adds another report (for sources that read page after page). */
  merge(other: Diagnostics): void {
    this.report.received += other.received;
    this.report.accepted += other.accepted;
    this.report.skipped += other.skipped;
    this.report.warnings += other.warnings;
    for (const i of other.issues) if (this.report.issues.length < MAX_ISSUES) this.report.issues.push(i);
  }
}
