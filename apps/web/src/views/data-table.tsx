import {
  cloneElement,
  type ComponentChildren,
  Fragment,
  isValidElement,
  toChildArray,
  type VNode,
} from 'preact';

/**
 * Every data table of the web app: a caption, column headers, and body rows of `ecl-table__cell`s.
 * Narrower than 996 px the ECL table stacks each row's cells and shows each data cell beside its
 * column's name, read from the cell's `data-ecl-table-header`, which this component gives every body
 * `td`; a body row's `th scope="row"` heads its stacked row instead. Wider, a table too wide for the
 * page scrolls inside its own region, which the keyboard can reach.
 */
export function DataTable(props: {
  id: string;
  caption: ComponentChildren;
  headers: readonly string[];
  children: ComponentChildren;
  hiddenCaption?: boolean;
  compact?: boolean;
}) {
  const captionId = `${props.id}-caption`;
  return (
    <div class="etp-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table
        class={`ecl-table ecl-table--zebra etp-table${props.compact ? ' etp-table--compact' : ''}`}
        id={props.id}
      >
        <caption id={captionId} class={props.hiddenCaption ? 'ecl-u-sr-only' : 'etp-table__caption'}>
          {props.caption}
        </caption>
        <thead class="ecl-table__head">
          <tr class="ecl-table__row">
            {props.headers.map((header, column) => (
              <th key={column} class="ecl-table__header" scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="ecl-table__body">{labelCells(props.headers, props.children)}</tbody>
      </table>
    </div>
  );
}

type Element = VNode<{ children?: ComponentChildren }>;

/** The rows, each body `td` carrying its column's header for the stacked layout. */
function labelCells(headers: readonly string[], rows: ComponentChildren): ComponentChildren {
  return elements(rows).map((row) =>
    cloneElement(row, {
      children: elements(row.props.children).map((cell, column) =>
        cell.type === 'td' && headers[column]
          ? cloneElement(cell, { 'data-ecl-table-header': headers[column] })
          : cell,
      ),
    }),
  );
}

/** The elements among `children`, fragments opened. */
function elements(children: ComponentChildren): Element[] {
  return toChildArray(children).flatMap((child): Element[] => {
    if (!isValidElement(child)) return [];
    const element = child as Element;
    return element.type === Fragment ? elements(element.props.children) : [element];
  });
}
