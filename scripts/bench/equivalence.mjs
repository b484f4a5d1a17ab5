// The benchmark's equivalence check: two JSON reports (`pi-audit scan --format json`) report the
// same findings when everything but the timing is equal — files, bytes, skipped files, fields
// with their evidence and dispositions, values, diagnostics and problems.

/** The report without what may differ between equal scans (how long it took, where it ran). */
export function findingsOf(report) {
  const { ms: _ms, ...stats } = report.stats;
  return { stats, fields: report.fields, values: report.values, diagnostics: report.diagnostics, problems: report.problems };
}

/**
 * Compares two reports. Returns `{ equal: true }` or `{ equal: false, difference }` naming the
 * first section and item that differ, so a failing check says where to look.
 */
export function compareReports(a, b) {
  const left = findingsOf(a);
  const right = findingsOf(b);
  for (const section of Object.keys(left)) {
    const x = left[section];
    const y = right[section];
    if (Array.isArray(x) && Array.isArray(y)) {
      const length = Math.max(x.length, y.length);
      for (let i = 0; i < length; i++) {
        const sx = JSON.stringify(x[i]);
        const sy = JSON.stringify(y[i]);
        if (sx !== sy) return { equal: false, difference: `${section}[${i}] (${x.length} vs ${y.length} items): ${clip(sx)} ≠ ${clip(sy)}` };
      }
    } else if (JSON.stringify(x) !== JSON.stringify(y)) {
      return { equal: false, difference: `${section}: ${clip(JSON.stringify(x))} ≠ ${clip(JSON.stringify(y))}` };
    }
  }
  return { equal: true };
}

function clip(text) {
  if (text === undefined) return '(none)';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
