import { scaleBand, scaleLinear } from 'd3-scale';
import { DataTable } from '../../../views/data-table';
import type { PageContext } from '../../../views/page-context';

export interface Bar {
  key: string;
  label: string;
  /** The label's own language when it differs from the page's (ESCO labels shown in a fallback language). */
  lang?: string;
  value: number;
}

const WIDTH = 720;
const LABEL_WIDTH = 250;
const VALUE_ROOM = 56;
const AXIS_HEIGHT = 28;
const BAND = 30;
const MAX_LABEL_CHARS = 34;

/**
 * A horizontal bar chart drawn on the server: d3-scale computes the geometry, Preact writes the SVG.
 * The picture is one image (role="img") named by its title and described by a summary; the same
 * figures follow in a table, behind a disclosure, for screen readers and anyone who prefers numbers.
 * Right to left, the bars grow from the right and the labels stand on the right.
 */
export function BarChart({ ctx, id, title, bars }: { ctx: PageContext; id: string; title: string; bars: Bar[] }) {
  const { t } = ctx;
  const number = new Intl.NumberFormat(ctx.locale);
  if (!bars.length) {
    return (
      <section class="etp-chart" aria-labelledby={`${id}-heading`}>
        <h2 class="ecl-u-type-heading-3" id={`${id}-heading`}>{title}</h2>
        <p>{t('adminOperations.statistics.noData')}</p>
      </section>
    );
  }
  const rtl = ctx.dir === 'rtl';
  const height = AXIS_HEIGHT + bars.length * BAND;
  // Counts: the axis ends on a round number and its ticks are whole numbers.
  const x = scaleLinear()
    .domain([0, Math.max(...bars.map((bar) => bar.value), 1)])
    .nice(5)
    .range([0, WIDTH - LABEL_WIDTH - VALUE_ROOM]);
  const y = scaleBand<string>()
    .domain(bars.map((bar) => bar.key))
    .range([AXIS_HEIGHT, height])
    .padding(0.2);
  // The bars' baseline: after the labels, on the reading side.
  const base = rtl ? WIDTH - LABEL_WIDTH : LABEL_WIDTH;
  const along = (value: number) => (rtl ? base - x(value) : base + x(value));
  const largest = bars.reduce((top, bar) => (bar.value > top.value ? bar : top));
  return (
    <section class="etp-chart" aria-labelledby={`${id}-heading`}>
      <h2 class="ecl-u-type-heading-3" id={`${id}-heading`}>{title}</h2>
      <svg
        class="etp-chart__svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        direction="ltr"
        font-size="14"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {t('adminOperations.statistics.summary', { count: bars.length, largest: `${largest.label} (${number.format(largest.value)})` })}
        </desc>
        <g aria-hidden="true">
          {x.ticks(Math.min(5, x.domain()[1])).filter(Number.isInteger).map((tick) => (
            <g key={tick}>
              <line x1={along(tick)} x2={along(tick)} y1={AXIS_HEIGHT - 6} y2={height} class="etp-chart__grid" />
              <text x={along(tick)} y={AXIS_HEIGHT - 10} text-anchor="middle" class="etp-chart__tick">{number.format(tick)}</text>
            </g>
          ))}
          {bars.map((bar) => {
            const top = y(bar.key) ?? 0;
            const middle = top + y.bandwidth() / 2;
            const end = along(bar.value);
            return (
              <g key={bar.key}>
                <text x={rtl ? base + 8 : base - 8} y={middle} dy="0.35em" text-anchor={rtl ? 'start' : 'end'} class="etp-chart__label" lang={bar.lang}>
                  {shorten(bar.label)}
                </text>
                <rect x={Math.min(base, end)} y={top} width={Math.max(Math.abs(end - base), 1)} height={y.bandwidth()} class="etp-chart__bar" />
                <text x={rtl ? end - 6 : end + 6} y={middle} dy="0.35em" text-anchor={rtl ? 'end' : 'start'} class="etp-chart__value">{number.format(bar.value)}</text>
              </g>
            );
          })}
          <line x1={base} x2={base} y1={AXIS_HEIGHT - 6} y2={height} class="etp-chart__axis" />
        </g>
      </svg>
      <details class="etp-chart__table">
        <summary>{t('adminOperations.statistics.showTable')}<span class="ecl-u-sr-only">: {title}</span></summary>
        <DataTable id={`${id}-table`} caption={title} hiddenCaption headers={[t('adminOperations.statistics.category'), t('adminOperations.statistics.count')]}>
          {bars.map((bar) => (
            <tr class="ecl-table__row" key={bar.key}>
              <th class="ecl-table__cell" scope="row" lang={bar.lang}>{bar.label}</th>
              <td class="ecl-table__cell etp-number">{number.format(bar.value)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </section>
  );
}

function shorten(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}
