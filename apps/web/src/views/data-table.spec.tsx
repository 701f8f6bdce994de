import { renderToString } from 'preact-render-to-string';
import { DataTable } from './data-table';

describe('DataTable', () => {
  it('gives every body data cell its column name for the stacked layout, and none to row headers', () => {
    const html = renderToString(
      <DataTable id="states" caption="Member States" headers={['State', 'Since', 'Action']}>
        {['AT', 'BE'].map((code) => (
          <tr class="ecl-table__row" key={code}>
            <th class="ecl-table__cell" scope="row">
              {code}
            </th>
            <td class="ecl-table__cell">2026</td>
            {code === 'AT' ? <td class="ecl-table__cell">Change</td> : null}
          </tr>
        ))}
        <>
          <tr class="ecl-table__row">
            <th class="ecl-table__cell" scope="row">
              CY
            </th>
            <>
              <td class="ecl-table__cell">2027</td>
            </>
          </tr>
        </>
      </DataTable>,
    );
    expect(html).toContain(
      '<th class="ecl-table__cell" scope="row">AT</th><td class="ecl-table__cell" data-ecl-table-header="Since">2026</td><td class="ecl-table__cell" data-ecl-table-header="Action">Change</td>',
    );
    expect(html).toContain(
      '<th class="ecl-table__cell" scope="row">BE</th><td class="ecl-table__cell" data-ecl-table-header="Since">2026</td></tr>',
    );
    expect(html).toContain(
      '<th class="ecl-table__cell" scope="row">CY</th><td class="ecl-table__cell" data-ecl-table-header="Since">2027</td>',
    );
    expect(html).toContain('<table class="ecl-table ecl-table--zebra etp-table" id="states">');
    expect(html).toContain('role="region" aria-labelledby="states-caption" tabindex="0"');
    expect(html).toContain('<caption id="states-caption" class="etp-table__caption">Member States</caption>');
  });

  it('leaves a cell under an empty column header unlabelled, hides a caption on request and narrows a compact table', () => {
    const html = renderToString(
      <DataTable id="change" caption="Change" headers={['', 'Now']} hiddenCaption compact>
        <tr class="ecl-table__row">
          <td class="ecl-table__cell">Start</td>
          <td class="ecl-table__cell">1 May</td>
        </tr>
      </DataTable>,
    );
    expect(html).toContain(
      '<td class="ecl-table__cell">Start</td><td class="ecl-table__cell" data-ecl-table-header="Now">1 May</td>',
    );
    expect(html).toContain('class="ecl-u-sr-only">Change</caption>');
    expect(html).toContain('etp-table etp-table--compact"');
  });
});
