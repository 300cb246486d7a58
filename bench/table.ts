/** A printed result table: a title, column names, and rows of cells. */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
}

export function formatTable(table: BenchTable): string {
  const cells = [table.columns, ...table.rows.map((row) => row.map(String))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => (isNumeric(cell) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [
    `\n${table.title}`,
    line(cells[0]!),
    rule,
    ...cells.slice(1).map(line),
    ...(table.notes ?? []).map((n) => `  ${n}`),
  ].join("\n");
}

function isNumeric(cell: string): boolean {
  return /^[\d.,]+( ?[a-z/%]+)?$/i.test(cell);
}
