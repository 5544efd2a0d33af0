/**
 * A small line plot as SVG text (no dependencies): series of (t, value) with gaps where a value is
 * missing. Used for docs/head-pose-sweep.svg (estimate and plain matrix against truth).
 */
export interface PlotSeries {
  readonly label: string;
  readonly colour: string;
  readonly dashed?: boolean;
  readonly points: readonly { readonly t: number; readonly v: number | null }[];
}

export interface PlotSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly yMin: number;
  readonly yMax: number;
  readonly yStep: number;
  readonly series: readonly PlotSeries[];
}

const W = 820, H = 380, LEFT = 60, RIGHT = 20, TOP = 40, BOTTOM = 50;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function linePlotSvg(spec: PlotSpec): string {
  const ts = spec.series.flatMap((s) => s.points.map((p) => p.t));
  const tMin = Math.min(...ts), tMax = Math.max(...ts);
  const x = (t: number): number => LEFT + ((t - tMin) / (tMax - tMin || 1)) * (W - LEFT - RIGHT);
  const y = (v: number): number => TOP + ((spec.yMax - Math.min(spec.yMax, Math.max(spec.yMin, v))) / (spec.yMax - spec.yMin)) * (H - TOP - BOTTOM);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${escape(spec.title)}</text>`,
  ];
  for (let v = spec.yMin; v <= spec.yMax + 1e-9; v += spec.yStep) {
    parts.push(`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${v === 0 ? '#999' : '#e4e4e4'}"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v}</text>`);
  }
  const tStep = tMax - tMin > 12 ? 2 : 1;
  for (let t = Math.ceil(tMin); t <= tMax; t += tStep) {
    parts.push(`<text x="${x(t).toFixed(1)}" y="${H - BOTTOM + 16}" text-anchor="middle">${t}</text>`);
  }
  parts.push(`<text x="${W / 2}" y="${H - 12}" text-anchor="middle">${escape(spec.xLabel)}</text>`);
  parts.push(`<text x="16" y="${H / 2}" text-anchor="middle" transform="rotate(-90 16 ${H / 2})">${escape(spec.yLabel)}</text>`);
  spec.series.forEach((s, k) => {
    // A missing value breaks the line (a gap is shown as a gap, not bridged).
    let d = '';
    let pen = false;
    for (const p of s.points) {
      if (p.v === null) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`;
      pen = true;
    }
    parts.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="${k === 0 ? 2.5 : 1.5}"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    const ly = TOP + 14 + 16 * k;
    parts.push(`<line x1="${LEFT + 10}" x2="${LEFT + 34}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    parts.push(`<text x="${LEFT + 40}" y="${ly}">${escape(s.label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
