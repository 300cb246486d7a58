import type { BenchTable } from "./table";

/**
 * One table per table of a run, each number the median of that cell over the runs: one run of the
 * bench varies by tens of percent on a shared machine, the median of several much less. A cell that
 * is not a number in every run (a step's name) is taken from the first run. The runs must print the
 * same tables, rows and columns.
 */
export function medianTables(runs: readonly (readonly BenchTable[])[]): BenchTable[] {
  const first = runs[0];
  if (first === undefined) return [];
  for (const [i, run] of runs.entries()) {
    if (!sameShape(run, first))
      throw new Error(`bench run ${i + 1} printed other tables than run 1; no median can be taken`);
  }
  return first.map((table, t) => ({
    ...table,
    title: `${table.title} (median of ${runs.length} runs)`,
    rows: table.rows.map((row, r) =>
      row.map((cell, c) =>
        medianCell(
          runs.map((run) => run[t]!.rows[r]![c]!),
          cell,
        ),
      ),
    ),
  }));
}

function sameShape(run: readonly BenchTable[], first: readonly BenchTable[]): boolean {
  return (
    run.length === first.length &&
    run.every((table, t) => {
      const other = first[t]!;
      return (
        table.columns.join("\u0001") === other.columns.join("\u0001") &&
        table.rows.length === other.rows.length &&
        table.rows.every((row, r) => row.length === other.rows[r]!.length)
      );
    })
  );
}

// "14,253", "31.2", "0": a plain number, maybe with thousands separators.
const NUMBER = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;

function medianCell(cells: readonly (string | number)[], first: string | number): string | number {
  const texts = cells.map(String);
  if (!texts.every((text) => NUMBER.test(text))) return first;
  const values = texts.map((text) => Number(text.replaceAll(",", ""))).sort((a, b) => a - b);
  const middle = values.length >> 1;
  const median = values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
  return formatLike(texts, median);
}

/** The median written the way the cells are: as many decimals, and thousands separators if they had them. */
function formatLike(examples: readonly string[], value: number): string {
  const decimals = Math.max(...examples.map((text) => text.split(".")[1]?.length ?? 0));
  return examples.some((text) => text.includes(","))
    ? value.toLocaleString("en", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : value.toFixed(decimals);
}
