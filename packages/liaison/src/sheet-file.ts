/** The sheet as a file the person keeps: exported as JSON, imported back into an empty sheet (nothing leaves the device). */
import type { ReactiveControllerHost } from 'lit';
import { exportSheet, importSheet, type SheetValues, type Template } from './sheet-schema.js';
import type { MessageKey } from './messages.js';

/** Downloads the sheet as a JSON file (`fiche-<id>-<date>.json`). */
export function downloadSheet(root: ParentNode, sheet: Template, values: SheetValues): void {
  const blob = new Blob([JSON.stringify(exportSheet(sheet, values), null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `fiche-${sheet.id}-${new Date().toISOString().slice(0, 10)}.json`;
  root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/**
 * Reads an exported sheet into an empty one: refused (an `Error` with the message to show) when the sheet in progress
 * is not empty, the file is over 1 MB or not readable JSON; unknown or invalid fields are left aside (`dropped`).
 */
export async function readSheetFile(file: File, sheet: Template, current: SheetValues, t: (key: MessageKey) => string): Promise<{ values: SheetValues; dropped: string[] }> {
  if (Object.values(current).some((v) => v !== '' && v !== undefined && v !== null)) throw new Error(t('importNotEmpty'));
  if (file.size > 1_000_000) throw new Error(t('importTooBig'));
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text());
  } catch {
    throw new Error(t('importUnreadable'));
  }
  return importSheet(sheet, raw);
}

/** What the sheet file controller needs from the form. */
export interface SheetFileOptions {
  t(key: MessageKey, params?: Record<string, unknown>): string;
  /** Where the download link is put for its click (the form's shadow root). */
  root(): ParentNode;
  sheet(): Template;
  values(): SheetValues;
  /** The values read from a file take the place of the empty sheet's, and are saved at once. */
  imported(values: SheetValues): Promise<void>;
  /** Something to tell the person (the form's live region). */
  announce(text: string): void;
}

/**
 * The export and import buttons of the task list, and why the last file could not be imported (shown under the file
 * field, which keeps the focus). No lifecycle of its own: it asks its host to render again when its state changes.
 */
export class SheetFileController {
  /** Why the last file could not be imported ('' when it was). */
  error = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SheetFileOptions,
  ) {}

  /** Downloads the sheet as it is now. */
  export(): void {
    const { root, sheet, values, announce, t } = this.options;
    downloadSheet(root(), sheet(), values());
    announce(t('exported'));
  }

  /** Reads the file chosen in the field (`change` event): its values, or why they were refused. */
  async import(e: Event): Promise<void> {
    const { sheet, values, imported, announce, t } = this.options;
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.refuse('');
    try {
      const read = await readSheetFile(file, sheet(), values(), t);
      await imported(read.values);
      announce(t('imported', { dropped: read.dropped.length }));
    } catch (err) {
      this.refuse((err as Error).message);
      input.focus();
    } finally {
      input.value = '';
    }
  }

  private refuse(message: string): void {
    this.error = message;
    this.host.requestUpdate();
  }
}
