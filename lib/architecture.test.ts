// The map in lib/README.md is the rule: each folder of lib/ imports only the folders its row names,
// and no two folders import each other, directly or round a longer loop.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const LIB = path.resolve(import.meta.dirname);
const ROOT = path.dirname(LIB);
// Prisma's generated client is a tool's output, not a folder of ours.
const NOT_OURS = new Set(["generated"]);
// Framework glue (the request's session, redirects) is allowed here only: the rest of lib/ is free of React and Next.
const FRAMEWORK_FOLDERS = new Set(["auth"]);

interface MapRow {
  folder: string;
  mayImport: Set<string>;
}

/** The table of lib/README.md: | `folder` | what it owns | `a`, `b` (or —) | */
function readMap(): MapRow[] {
  const rows: MapRow[] = [];
  for (const line of readFileSync(path.join(LIB, "README.md"), "utf8").split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    const folder = /^`([a-z][\w-]*)\/?`$/i.exec(cells[1] ?? "")?.[1];
    if (!folder || cells.length < 5) continue;
    const mayImport = new Set([...(cells[3] ?? "").matchAll(/`([\w-]+)\/?`/g)].map((match) => match[1]!));
    rows.push({ folder, mayImport });
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "testdata" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

interface Import {
  file: string;
  from: string;
  specifier: string;
}

/** Every import of lib's product code (tests aside), with the lib folder it lands in when it lands in one. */
function libImports(): Import[] {
  const folders = readdirSync(LIB).filter(
    (name) => statSync(path.join(LIB, name)).isDirectory() && !NOT_OURS.has(name),
  );
  return folders.flatMap((folder) =>
    sourceFiles(path.join(LIB, folder)).flatMap((file) =>
      ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles.map((imported) => ({
        file: path.relative(ROOT, file),
        from: folder,
        specifier: imported.fileName,
      })),
    ),
  );
}

/** The folder of lib/ an import lands in; "../app", "../test"… for the other top-level folders; undefined for packages. */
function targetOf(imp: Import): string | undefined {
  let target: string;
  if (imp.specifier.startsWith("@/")) target = imp.specifier.slice(2);
  else if (imp.specifier.startsWith("."))
    target = path.relative(ROOT, path.resolve(ROOT, path.dirname(imp.file), imp.specifier));
  else return undefined;
  const [top, folder, inFolder] = target.split("/");
  if (folder === undefined) return undefined; // a file at the root, such as package.json
  if (top === "lib" && inFolder === undefined) return undefined; // lib/result.ts: every folder's failures
  return top === "lib" ? folder : `../${top}`;
}

function findCycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === "done") return undefined;
    if (state.get(node) === "open") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("lib/README.md's map of lib/", () => {
  const map = readMap();
  const imports = libImports();

  it("names every folder of lib/ once, and no folder that is not there", () => {
    const onDisk = readdirSync(LIB)
      .filter((name) => statSync(path.join(LIB, name)).isDirectory() && !NOT_OURS.has(name))
      .sort();
    const mapped = map.map((row) => row.folder);
    expect(new Set(mapped).size).toBe(mapped.length);
    expect([...mapped].sort()).toEqual(onDisk);
  });

  it("allows every import that lib's code makes from one folder into another", () => {
    const allowed = new Map(map.map((row) => [row.folder, row.mayImport]));
    const refused = imports.flatMap((imp) => {
      const target = targetOf(imp);
      if (target === undefined || target === imp.from || target === "generated") return [];
      return allowed.get(imp.from)?.has(target)
        ? []
        : [`${imp.file} imports ${imp.specifier} (${imp.from} → ${target})`];
    });
    expect(refused).toEqual([]);
  });

  it("keeps React and Next out of lib/, but for the auth glue", () => {
    const framework = imports.filter(
      (imp) => /^(react|react-dom|next)(\/|$)/.test(imp.specifier) && !FRAMEWORK_FOLDERS.has(imp.from),
    );
    expect(framework.map((imp) => `${imp.file} imports ${imp.specifier}`)).toEqual([]);
  });

  it("has no loop between folders, in the code or in the map", () => {
    const used = new Map<string, Set<string>>();
    for (const imp of imports) {
      const target = targetOf(imp);
      if (!target || target === imp.from || target.startsWith("../") || NOT_OURS.has(target)) continue;
      used.set(imp.from, (used.get(imp.from) ?? new Set()).add(target));
    }
    expect(findCycle(used)).toBeUndefined();
    expect(findCycle(new Map(map.map((row) => [row.folder, row.mayImport])))).toBeUndefined();
  });

  it("finds the loop it is meant to refuse", () => {
    const loop = new Map([
      ["links", new Set(["sync"])],
      ["sync", new Set(["changes", "links"])],
    ]);
    expect(findCycle(loop)).toEqual(["links", "sync", "links"]);
  });
});
