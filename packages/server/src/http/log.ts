/**
 * Structured logs: one JSON object per line on stdout (`{"t":…,"level":…,"event":…, fields}`), for the log
 * collector of the host. Fields are the caller's (never names, sheet content, tokens, IP addresses or query strings);
 * string values are cut to 200 characters.
 */
import type { Logger } from './types.js';

type Fields = Record<string, string | number | boolean | null>;

/** A logger writing JSON lines to `write` (default: stdout). */
export function jsonLogger(write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  const out = (level: string) => (event: string, fields: Fields = {}) => {
    const safe: Fields = {};
    for (const [k, v] of Object.entries(fields)) safe[k] = typeof v === 'string' ? v.slice(0, 200) : v;
    write(JSON.stringify({ t: new Date().toISOString(), level, event, ...safe }) + '\n');
  };
  return { info: out('info'), warn: out('warn'), error: out('error') };
}

/** A logger that drops everything (tests, `RELAIS_LOG=silent`). */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
