/** The sheet as a file the person keeps: exported as JSON, imported back into an empty sheet (nothing leaves the device). */
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
