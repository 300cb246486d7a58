import { parse } from "@formatjs/icu-messageformat-parser";

/** A catalogue flattened to dotted keys: `nav.timeline` → its message. */
export function flatten(catalogue: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof catalogue !== "object" || catalogue === null) return out;
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * The arguments an ICU message takes, with their kind (`count:plural`, `kind:select`, `when:date`, `b:tag`…),
 * sorted. Two translations of one message must take the same ones, or a `t()` call feeds one of them wrongly.
 */
export function icuArguments(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const el of elements) {
      // Element types of @formatjs/icu-messageformat-parser: 1 argument, 2 number, 3 date, 4 time, 5 select,
      // 6 plural, 8 tag (0 literal, 7 pound carry no name).
      const kind = ({ 1: "argument", 2: "number", 3: "date", 4: "time", 5: "select", 6: "plural", 8: "tag" } as const)[
        el.type as 1 | 2 | 3 | 4 | 5 | 6 | 8
      ];
      if (kind && "value" in el) found.add(`${el.value}:${kind}`);
      if ("options" in el) for (const option of Object.values(el.options)) walk(option.value);
      if ("children" in el) walk(el.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

export interface CatalogueProblem {
  key: string;
  problem: string;
}

/** How a translation differs from English: keys it lacks or adds, messages whose arguments differ or do not parse. */
export function compareCatalogue(english: unknown, translation: unknown): CatalogueProblem[] {
  const en = flatten(english);
  const other = flatten(translation);
  const problems: CatalogueProblem[] = [];
  for (const key of en.keys()) if (!other.has(key)) problems.push({ key, problem: "missing (English has it)" });
  for (const key of other.keys()) if (!en.has(key)) problems.push({ key, problem: "extra (English lacks it)" });
  for (const [key, message] of other) {
    const source = en.get(key);
    if (source === undefined) continue;
    let want: string[];
    let got: string[];
    try {
      want = icuArguments(source);
      got = icuArguments(message);
    } catch (error) {
      problems.push({ key, problem: `does not parse as ICU: ${(error as Error).message}` });
      continue;
    }
    if (want.join() !== got.join()) {
      problems.push({ key, problem: `arguments {${got.join(", ")}} differ from English's {${want.join(", ")}}` });
    }
  }
  return problems;
}
