/**
 * `<moderate-overview>`: comments per day by outcome over the last 30 days as an SVG drawn
 * here (chart-geometry.ts; nothing loaded from elsewhere), with a title and description for
 * screen readers and the same figures as a table, then the rules that held most.
 */
import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import type { Overview } from '../../protocol/moderation.ts';
import { threadStyles } from '../thread/rembuk-thread.styles.ts';
import { chartGeometry, DEFAULT_BOX, labelledDays, OUTCOMES } from './chart-geometry.ts';
import { consoleErrorText, consoleMessages, type Lang } from './console-i18n.ts';
import { consoleStyles } from './console.styles.ts';
import type { ModerationConnection } from './moderation-client.ts';
import { css } from 'lit';

const chartStyles = css`
  svg {
    display: block;
    width: 100%;
    height: auto;
    max-width: 60em;
  }
  .published {
    fill: var(--rembuk-color-chart-published, #2e7d4f);
  }
  .held {
    fill: var(--rembuk-color-chart-held, #c98a00);
  }
  .rejected {
    fill: var(--rembuk-color-chart-rejected, #b3261e);
  }
  .axis {
    stroke: currentColor;
    stroke-opacity: 0.4;
  }
  .grid {
    stroke: currentColor;
    stroke-opacity: 0.12;
  }
  text {
    fill: currentColor;
    font-size: 11px;
  }
  .legend {
    display: flex;
    gap: 1em;
    list-style: none;
    padding: 0;
  }
  .swatch {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-right: 0.35em;
    vertical-align: -0.1em;
    border-radius: 2px;
  }
  .swatch.published {
    background: var(--rembuk-color-chart-published, #2e7d4f);
  }
  .swatch.held {
    background: var(--rembuk-color-chart-held, #c98a00);
  }
  .swatch.rejected {
    background: var(--rembuk-color-chart-rejected, #b3261e);
  }
  details {
    margin: var(--_space) 0;
  }
`;

export class ModerateOverview extends LitElement {
  static override styles = [threadStyles, consoleStyles, chartStyles];

  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _overview: { state: true },
    _error: { state: true },
  };

  declare connection: ModerationConnection | null;
  declare locale: Lang;
  declare _overview: Overview | null;
  declare _error: string;

  constructor() {
    super();
    this.connection = null;
    this.locale = 'id';
    this._overview = null;
    this._error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection')) void this.#load();
  }

  async #load(): Promise<void> {
    if (!this.connection) return;
    const result = await this.connection.request('overview:get', {});
    if (result.ok) this._overview = result.data;
    else this._error = consoleErrorText(this.locale, result.error, Date.now());
  }

  override render(): TemplateResult {
    const m = consoleMessages(this.locale);
    const o = this._overview;
    if (!o)
      return html`<h2 class="heading">${m.overview.heading}</h2>
        <p class="muted" role="status">${this._error || m.loading}</p>`;
    return html`
      <h2 class="heading">${m.overview.heading}</h2>
      ${this.#renderChart(o)}
      <ul class="legend" aria-hidden="true">
        ${OUTCOMES.map((k) => html`<li><span class="swatch ${k}"></span>${m.overview.outcomes[k]}</li>`)}
      </ul>
      <details>
        <summary>${m.overview.table}</summary>
        ${this.#renderTable(o)}
      </details>
      <h3>${m.overview.topRules}</h3>
      ${
        o.topRules.length === 0
          ? html`<p class="muted">${m.overview.noRules}</p>`
          : html`<ol>
              ${o.topRules.map((r) => html`<li><code>${r.rule}</code> · ${r.count.toLocaleString(this.locale)}</li>`)}
            </ol>`
      }
    `;
  }

  #renderChart(o: Overview): TemplateResult {
    const m = consoleMessages(this.locale);
    const g = chartGeometry(o.days);
    const labelled = labelledDays(o.days.length);
    const total = g.bars.reduce((sum, b) => sum + b.total, 0);
    return html`<svg viewBox="0 0 ${DEFAULT_BOX.width} ${DEFAULT_BOX.height}" role="img" aria-labelledby="chart-title chart-desc">
      <title id="chart-title">${m.overview.chartTitle}</title>
      <desc id="chart-desc">${m.overview.chartDesc(o.days.length, total)}</desc>
      ${g.ticks.map(
        (t) =>
          svg`<line class="grid" x1=${g.plotLeft} x2=${g.plotRight} y1=${t.y} y2=${t.y}></line>
            <text x=${g.plotLeft - 6} y=${t.y + 4} text-anchor="end">${t.value.toLocaleString(this.locale)}</text>`,
      )}
      <line class="axis" x1=${g.plotLeft} x2=${g.plotRight} y1=${g.baseline} y2=${g.baseline}></line>
      ${g.bars.map(
        (bar, i) => svg`<g>
          ${bar.segments
            .filter((s) => s.height > 0)
            .map(
              (s) =>
                svg`<rect class=${s.outcome} x=${bar.x} y=${s.y} width=${bar.width} height=${s.height}><title>${bar.day}: ${m.overview.outcomes[s.outcome]} ${s.value}</title></rect>`,
            )}
          ${labelled.has(i) ? svg`<text x=${bar.x + bar.width / 2} y=${g.baseline + 16} text-anchor="middle">${bar.day.slice(5)}</text>` : nothing}
        </g>`,
      )}
    </svg>`;
  }

  #renderTable(o: Overview): TemplateResult {
    const m = consoleMessages(this.locale);
    const n = (v: number) => v.toLocaleString(this.locale);
    return html`<table>
      <caption>
        ${m.overview.table}
      </caption>
      <thead>
        <tr>
          <th scope="col">${m.overview.day}</th>
          ${OUTCOMES.map((k) => html`<th scope="col" class="num">${m.overview.outcomes[k]}</th>`)}
          <th scope="col" class="num">${m.overview.approvedByModerator}</th>
          <th scope="col" class="num">${m.overview.rejectedByModerator}</th>
        </tr>
      </thead>
      <tbody>
        ${o.days.map(
          (d) =>
            html`<tr>
              <th scope="row">${d.day}</th>
              ${OUTCOMES.map((k) => html`<td class="num">${n(d[k])}</td>`)}
              <td class="num">${n(d.approvedByModerator)}</td>
              <td class="num">${n(d.rejectedByModerator)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

customElements.define('moderate-overview', ModerateOverview);

declare global {
  interface HTMLElementTagNameMap {
    'moderate-overview': ModerateOverview;
  }
}
