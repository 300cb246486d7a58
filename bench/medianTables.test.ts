import { describe, expect, it } from "vitest";
import { medianTables } from "./medianTables";
import type { BenchTable } from "./table";

const run = (rate: string, cpu: string, ms: string): BenchTable[] => [
  {
    title: "ingest",
    columns: ["step", "ms", "changes/s", "Postgres CPU µs/change"],
    rows: [["one link", ms, rate, cpu]],
    notes: ["target: 20,000"],
  },
];

describe("medianTables", () => {
  it("takes the median of every number, written as the runs wrote it, and keeps the text", () => {
    const [table] = medianTables([
      run("14,253", "43.7", "7016"),
      run("9,331", "n/a", "10717"),
      run("16,617", "38.1", "6018"),
    ]);
    expect(table).toEqual({
      title: "ingest (median of 3 runs)",
      columns: ["step", "ms", "changes/s", "Postgres CPU µs/change"],
      rows: [["one link", "7016", "14,253", "43.7"]],
      notes: ["target: 20,000"],
    });
  });

  it("averages the middle two of an even number of runs", () => {
    const [table] = medianTables([
      run("10,000", "40.0", "10"),
      run("11,000", "41.0", "11"),
      run("13,000", "45.0", "13"),
      run("20,000", "50.0", "20"),
    ]);
    expect(table!.rows[0]).toEqual(["one link", "12", "12,000", "43.0"]);
  });

  it("refuses runs that printed different tables", () => {
    const other = run("1", "1", "1");
    other[0]!.rows.push(["two links", "1", "1", "1"]);
    expect(() => medianTables([run("1", "1", "1"), other])).toThrow(/run 2 printed other tables/);
  });
});
