/** A chart's text alternative: its data as a table, folded away until asked for. Cells may link
 * to the inbox, so the drill-down works without the picture too. */
import { DrillLink } from './DrillLink';

interface Props {
  summary: string;
  head: string[];
  rows: string[][];
  /** Where a cell leads (row and column index), or null. */
  link?: (row: number, column: number) => string | null;
}

export function DataTable({ summary, head, rows, link }: Props) {
  return (
    <details className="chart-table">
      <summary>{summary}</summary>
      <div className="table-scroll">
        <table className="insights-table insights-table--compact">
          <thead>
            <tr>
              {head.map((cell) => (
                <th key={cell} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={row[0]}>
                {row.map((cell, column) => {
                  const href = column > 0 && cell !== '0' ? link?.(rowIndex, column) : null;
                  const content = href ? (
                    <DrillLink
                      key="link"
                      href={href}
                      label={`${cell} — ${head[column]}, ${row[0]}`}
                    >
                      {cell}
                    </DrillLink>
                  ) : (
                    cell
                  );
                  return column === 0 ? (
                    <th key={head[column]} scope="row">
                      {content}
                    </th>
                  ) : (
                    <td key={head[column]}>{content}</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
