// The table of the mobile profile (bench/mobile.mjs) and how it is written into bench/README.md: kept apart from the
// measuring so that a test can check it without a browser.

/** The median of numbers (the mean of the two middle ones for an even count); NaN when empty. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The issue's targets on the mobile profile. */
export const TARGETS = { lcpMs: 2500, inpMs: 200, firstResultsMs: 3000 };

const PAGE_NAMES = {
  demo: 'demo page (every widget)',
  directory: '`<relais-directory>` alone',
  map: '`<relais-map>` alone',
  eligibility: '`<relais-eligibility>` alone',
  liaison: '`<relais-liaison-form>` alone',
  pathway: '`<relais-pathway>` alone',
};
const INTERACTIONS = { typing: 'typing a query', answer: 'answering a question' };

const ms = (x, target) => (typeof x !== 'number' || Number.isNaN(x) ? '—' : `${Math.round(x).toLocaleString('en')}${target && x > target ? ' **✗**' : ''}`);

/** The Markdown block: what was measured, on what, with which settings, then one row per server and page. */
export function mobileTable(results) {
  const p = results.profile;
  let t = `Measured ${results.date.slice(0, 10)} on ${results.machine}${results.load ? ` (load average ${results.load.before.toFixed(1)} before, ${results.load.after?.toFixed(1)} after)` : ''}; ${results.runs} cold loads per row (medians), `;
  t += `CPU slowed ${p.cpuSlowdown}× (Emulation.setCPUThrottlingRate), network ${(p.downloadBps * 8) / 1e6} Mb/s down, ${(p.uploadBps * 8) / 1e6} Mb/s up, ${p.latencyMs} ms latency (Network.emulateNetworkConditions), viewport ${p.viewport.width} × ${p.viewport.height} at ${p.viewport.deviceScaleFactor}×, mobile, touch.\n`;
  t += `Targets: LCP ≤ ${TARGETS.lcpMs} ms, INP ≤ ${TARGETS.inpMs} ms, first directory results ≤ ${TARGETS.firstResultsMs} ms (**✗**: missed).\n\n`;
  t += '| page | server | transferred by the load (kB) | of which SDK (kB) | with the interactions (kB) | requests (all) | LCP (ms) | first directory results (ms) | INP (ms) | interaction |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n';
  for (const r of results.rows) {
    const server = r.server === 'before' ? 'before: uncompressed' : 'after: brotli';
    const inp = r.inpMs === null ? '—' : r.inpMs === 0 ? '< 16' : ms(r.inpMs, TARGETS.inpMs);
    t += `| ${PAGE_NAMES[r.page] ?? r.page} | ${server} | ${(r.loadBytes / 1000).toFixed(1)} | ${(r.loadSdkBytes / 1000).toFixed(1)} | ${(r.bytes / 1000).toFixed(1)} | ${Math.round(r.requests)} | ${ms(r.lcpMs, TARGETS.lcpMs)} | ${r.firstResultsMs === null ? '—' : ms(r.firstResultsMs, TARGETS.firstResultsMs)} | ${inp} | ${r.interactions.map((i) => INTERACTIONS[i] ?? i).join(', ') || '—'} |\n`;
  }
  const parts = results.rows.filter((r) => r.firstResultsParts);
  if (parts.length) {
    t += '\nWhere the time to the first directory results goes (medians, ms from navigation): the HTML received, the scripts received before the results (how many, the last one at), the search request sent and answered, the results on screen; and the INP\'s parts (web-vitals attribution: input delay, processing, presentation).\n\n';
    t += '| page | server | HTML | scripts | last script | search request → answer | first results | INP input delay / processing / presentation |\n|---|---|---:|---:|---:|---:|---:|---|\n';
    for (const r of parts) {
      const f = r.firstResultsParts;
      const ip = r.inpParts ? `${ms(r.inpParts.inputDelay)} / ${ms(r.inpParts.processing)} / ${ms(r.inpParts.presentation)}` : '—';
      t += `| ${PAGE_NAMES[r.page] ?? r.page} | ${r.server === 'before' ? 'before' : 'after'} | ${ms(f.htmlEnd)} | ${ms(f.scripts)} | ${ms(f.scriptsEnd)} | ${ms(f.apiStart)} → ${ms(f.apiEnd)} | ${ms(r.firstResultsMs)} | ${ip} |\n`;
    }
  }
  return t;
}

/** `text` with the block between `<!-- NAME:START -->` and `<!-- NAME:END -->` replaced by `block`; throws when the markers are missing. */
export function replaceBlock(text, name, block) {
  const re = new RegExp(`<!-- ${name}:START -->[\\s\\S]*?<!-- ${name}:END -->`);
  if (!re.test(text)) throw new Error(`Marqueurs <!-- ${name}:START --> / <!-- ${name}:END --> absents de bench/README.md`);
  return text.replace(re, () => `<!-- ${name}:START -->\n${block}<!-- ${name}:END -->`);
}
