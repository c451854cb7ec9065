/**
 * Settings of the indicators (environment variables, documented in the package README): off unless
 * `RELAIS_INDICATORS=1`; the publication threshold k (`RELAIS_INDICATORS_K`, at least 5); the per-IP rate limit of
 * `POST /indicateurs/evenements` (`RELAIS_INDICATORS_RATE_LIMIT`).
 */
import { ConfigError } from '../config.js';

/** Parsed settings. */
export interface IndicatorsConfig {
  /** `RELAIS_INDICATORS=1` (or `true`): the two routes answer; otherwise 404. */
  enabled: boolean;
  /** `RELAIS_INDICATORS_K`: a cell counting fewer events is published as `{ masque: true }` (default 5, minimum 5). */
  k: number;
  /** `RELAIS_INDICATORS_RATE_LIMIT`: batches per minute and per IP (default 60). */
  ratePerMinute: number;
}

/** The minimum (and default) publication threshold. */
export const MIN_K = 5;

/** Reads the settings; a bad value throws a French `ConfigError` naming the variable (the start stops). */
export function readIndicatorsConfig(env: Readonly<Record<string, string | undefined>>): IndicatorsConfig {
  const flag = env.RELAIS_INDICATORS ?? '';
  if (!['', '0', '1', 'true', 'false'].includes(flag)) throw new ConfigError('RELAIS_INDICATORS : 1 (activé) ou 0 (désactivé, par défaut).');
  const int = (name: string, def: number, min: number, max: number, why: string): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} : entier entre ${min} et ${max} attendu${why} (reçu « ${raw.slice(0, 40)} »).`);
    return n;
  };
  return {
    enabled: flag === '1' || flag === 'true',
    k: int('RELAIS_INDICATORS_K', MIN_K, MIN_K, 1_000_000, ' : en dessous de 5, une case pourrait désigner une personne'),
    ratePerMinute: int('RELAIS_INDICATORS_RATE_LIMIT', 60, 1, 1_000_000, ''),
  };
}
