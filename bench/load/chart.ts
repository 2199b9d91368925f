import type { Visibility } from './visibility';

export type Series = { readonly layout: string; readonly points: readonly Visibility[] };

const width = 720;
const height = 420;
const margin = { left: 70, right: 190, top: 40, bottom: 56 };
const colours = { p50: '#2563eb', p95: '#d97706', p99: '#dc2626' } as const;
const dashes = ['', '7 5'];

/** Visible-latency percentiles against offered load, one line per percentile and layout, as SVG. */
export function latencyChart(series: readonly Series[]): string {
  const loads = series.flatMap((s) => s.points.map((p) => p.offeredPerSec));
  const latencies = series.flatMap((s) => s.points.flatMap((p) => [p.visibleMs.p50, p.visibleMs.p95, p.visibleMs.p99]));
  const xMax = Math.max(...loads) * 1.05;
  const yMax = niceCeiling(Math.max(...latencies.filter(Number.isFinite), 1));
  const x = (load: number) => margin.left + (load / xMax) * (width - margin.left - margin.right);
  const y = (ms: number) => height - margin.bottom - (Math.min(ms, yMax) / yMax) * (height - margin.top - margin.bottom);
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const ms = (yMax * i) / 4;
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(ms)}" y2="${y(ms)}" stroke="#e5e7eb"/>`,
      `<text x="${margin.left - 8}" y="${y(ms) + 4}" text-anchor="end">${ms.toFixed(0)}</text>`);
  }
  for (const load of [...new Set(loads)].sort((a, b) => a - b)) {
    parts.push(`<text x="${x(load)}" y="${height - margin.bottom + 18}" text-anchor="middle">${load}</text>`);
  }
  series.forEach((s, index) => {
    for (const key of ['p50', 'p95', 'p99'] as const) {
      const points = [...s.points].sort((a, b) => a.offeredPerSec - b.offeredPerSec).map((p) => `${x(p.offeredPerSec)},${y(p.visibleMs[key])}`);
      parts.push(`<polyline fill="none" stroke="${colours[key]}" stroke-width="2" stroke-dasharray="${dashes[index % dashes.length]}" points="${points.join(' ')}"/>`);
      const legendY = margin.top + 10 + (index * 3 + ['p50', 'p95', 'p99'].indexOf(key)) * 20;
      parts.push(`<line x1="${width - margin.right + 14}" x2="${width - margin.right + 40}" y1="${legendY}" y2="${legendY}" stroke="${colours[key]}" stroke-width="2" stroke-dasharray="${dashes[index % dashes.length]}"/>`,
        `<text x="${width - margin.right + 46}" y="${legendY + 4}">${key} · ${s.layout}</text>`);
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="${margin.left}" y="22" font-size="15" font-weight="bold">Command answered → visible in the read model</text>
${parts.join('\n')}
<line x1="${margin.left}" x2="${width - margin.right}" y1="${height - margin.bottom}" y2="${height - margin.bottom}" stroke="#111"/>
<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${height - margin.bottom}" stroke="#111"/>
<text x="${(margin.left + width - margin.right) / 2}" y="${height - 14}" text-anchor="middle">offered load (order commands per second, open loop)</text>
<text transform="translate(18 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)" text-anchor="middle">milliseconds</text>
</svg>
`;
}

function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value)!;
}
