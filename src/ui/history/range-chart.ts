import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Chart } from 'chart.js';
import { elementStyles } from '../styles/shared-styles';

export interface RangeSeries {
  /** Already in the UI's language, e.g. "Turn left". */
  readonly label: string;
  /** Mean peak of each day, degrees, aligned with the chart's `days`. */
  readonly values: readonly (number | null)[];
}

/** Line styles per series: told apart by dash pattern and point shape, not only colour. */
const SERIES_STYLES = [
  { color: '#0b5cad', dash: [] as number[], point: 'circle' as const },
  { color: '#a4460e', dash: [6, 4], point: 'rect' as const },
  { color: '#1a7f37', dash: [2, 3], point: 'triangle' as const },
  { color: '#6f42c1', dash: [10, 4, 2, 4], point: 'rectRot' as const },
];

/**
 * Range of motion over days (chart.js, loaded on first use so it stays out of the initial
 * bundle). The numbers are also given as a table for screen readers.
 */
@customElement('atlas-range-chart')
export class RangeChart extends LitElement {
  static override styles = elementStyles(
    css`
      .frame { position: relative; height: 16rem; }
    `,
  );

  @property() heading = '';
  @property({ attribute: false }) days: readonly string[] = [];
  @property({ attribute: false }) series: readonly RangeSeries[] = [];
  @property() unitLabel = '°';

  @state() private loaded = false;
  @query('canvas') private canvas!: HTMLCanvasElement;
  private chart: Chart | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = null;
  }

  private drawing: Promise<void> = Promise.resolve();

  protected override updated(): void {
    // Chained so that two quick updates never build two charts on one canvas.
    this.drawing = this.drawing.then(() => this.draw()).catch((error: unknown) => console.error('Atlas: chart', error));
  }

  private async draw(): Promise<void> {
    const { Chart: ChartClass } = await import('chart.js/auto');
    if (!this.isConnected) return;
    const data = {
      labels: [...this.days],
      datasets: this.series.map((series, index) => {
        const style = SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];
        return {
          label: series.label,
          data: [...series.values],
          borderColor: style?.color,
          backgroundColor: style?.color,
          borderDash: style?.dash,
          pointStyle: style?.point,
          pointRadius: 5,
          spanGaps: true,
        };
      }),
    };
    if (this.chart === null) {
      this.chart = new ChartClass(this.canvas, {
        type: 'line',
        data,
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: {
            x: { ticks: { font: { size: 14 } } },
            y: { beginAtZero: true, ticks: { font: { size: 14 } }, title: { display: true, text: this.unitLabel, font: { size: 14 } } },
          },
          plugins: { legend: { labels: { usePointStyle: true, font: { size: 14 } } } },
        },
      });
    } else {
      this.chart.data = data;
      this.chart.update();
    }
    if (!this.loaded) this.loaded = true;
  }

  override render() {
    return html`
      <figure>
        <figcaption><h3>${this.heading}</h3></figcaption>
        <div class="frame"><canvas role="img" aria-label=${this.heading} data-loaded=${String(this.loaded)}></canvas></div>
        <table class="visually-hidden">
          <caption>${this.heading}</caption>
          <thead><tr><th scope="col"></th>${this.series.map((s) => html`<th scope="col">${s.label}</th>`)}</tr></thead>
          <tbody>
            ${this.days.map(
              (day, row) => html`<tr><th scope="row">${day}</th>${this.series.map((s) => html`<td>${s.values[row] === null || s.values[row] === undefined ? '—' : `${Math.round(s.values[row] ?? 0)}°`}</td>`)}</tr>`,
            )}
          </tbody>
        </table>
      </figure>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-range-chart': RangeChart;
  }
}
