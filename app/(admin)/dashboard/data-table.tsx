// The numbers of a chart as a table (the chart itself is hidden from assistive technology):
// a caption, column headers and a header cell per row, each with its scope.
export function DataTable({
  caption,
  columns,
  rows,
  footer,
}: {
  caption: string;
  columns: string[];
  rows: { head: string; cells: string[] }[];
  footer?: { head: string; cells: string[] };
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="mb-1 text-start text-sm text-slate-700">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((c) => (
              <th key={c} scope="col" className="p-2 text-start">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.head} className="border-b border-slate-200">
              <th scope="row" className="p-2 text-start font-medium">
                {r.head}
              </th>
              {r.cells.map((c, i) => (
                <td key={i} className="p-2">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {footer ? (
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-bold">
              <th scope="row" className="p-2 text-start">
                {footer.head}
              </th>
              {footer.cells.map((c, i) => (
                <td key={i} className="p-2">
                  {c}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
