import { renderToString } from 'preact-render-to-string';
import { translator } from '../../../i18n/i18n';
import type { PageContext } from '../../../views/page-context';
import { BarChart } from './bar-chart';
import { errorSummary } from './operations-views';

function context(locale: 'en' | 'ar'): PageContext {
  return { locale, dir: locale === 'ar' ? 'rtl' : 'ltr', t: translator(locale), csrf: 'x', signedIn: true, role: 'admin', path: '/admin/statistics' };
}

const bars = [
  { key: 'MA', label: 'Morocco', value: 40 },
  { key: 'TN', label: 'Tunisia', value: 10 },
];

describe('BarChart', () => {
  it('draws one bar per figure, as long as its share of the largest, named and described for assistive technology', () => {
    const html = renderToString(<BarChart ctx={context('en')} id="c" title="Candidates by country" bars={bars} />);

    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="c-title c-desc"');
    expect(html).toContain('<title id="c-title">Candidates by country</title>');
    expect(html).toMatch(/<desc id="c-desc">[^<]*Morocco \(40\)/);
    const widths = [...html.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((match) => Number(match[2]));
    expect(widths).toHaveLength(2);
    expect(widths[0] / widths[1]).toBeCloseTo(4, 5);
    // The same figures as a table.
    expect(html).toMatch(/<th class="ecl-table__cell" scope="row">Tunisia<\/th><td class="ecl-table__cell etp-number" data-ecl-table-header="Number">10<\/td>/);
  });

  it('grows the bars from the right, right to left', () => {
    const ltr = renderToString(<BarChart ctx={context('en')} id="c" title="t" bars={bars} />);
    const rtl = renderToString(<BarChart ctx={context('ar')} id="c" title="t" bars={bars} />);
    const firstX = (html: string) => Number(/<rect x="([\d.]+)"/.exec(html)?.[1]);

    expect(firstX(ltr)).toBe(250);
    expect(firstX(rtl)).toBeLessThan(720 - 250);
  });

  it('says so instead of drawing an empty chart', () => {
    const html = renderToString(<BarChart ctx={context('en')} id="c" title="t" bars={[]} />);

    expect(html).not.toContain('<svg');
    expect(html).toContain('No figures yet.');
  });
});

describe('errorSummary', () => {
  it('keeps the first line of a job’s error, without addresses or phone numbers', () => {
    expect(errorSummary('550 mailbox amina@example.org unavailable\n    at stack')).toBe('550 mailbox […] unavailable');
    expect(errorSummary('no such number +212 6 12 34 56 78')).toBe('no such number […]');
  });
});
