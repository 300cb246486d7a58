import { pick } from "../seededRandom";
import { describeValue } from "./describeValue";
import { ABSURD_DATES, HOSTILE_STRINGS, hugeString, nestingDepth, type Random, wrongTypeValue } from "./hostileValues";

/**
 * Structural mutations of a decoded JSON document, in place. A slot is one
 * place holding a value (an object's key or an array's index); the document
 * itself sits in the slot "root" of a holder so it can be replaced too. Only
 * values JSON.parse can produce are written, including own "__proto__" keys.
 * Each mutation returns a line saying what it did, for the failure report.
 */

type Container = Record<string, unknown> | unknown[];

interface Slot {
  parent: Container;
  key: string | number;
  path: string;
}

type Mutation = (slots: Slot[], random: Random) => string;

// Enough to reach every value of a 500-row page; a 20,000-deep mutation is not walked to its end.
const MAX_SLOTS = 100_000;

function slotsOf(holder: { root: unknown }): Slot[] {
  const slots: Slot[] = [{ parent: holder, key: "root", path: "" }];
  for (let i = 0; i < slots.length && slots.length < MAX_SLOTS; i++) {
    const { parent, key, path } = slots[i]!;
    const value = (parent as Record<string, unknown>)[key];
    if (typeof value !== "object" || value === null) continue;
    const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
    for (const child of keys)
      slots.push({
        parent: value as Container,
        key: child,
        path: `${path}${typeof child === "number" ? `[${child}]` : `.${child}`}`,
      });
  }
  return slots;
}

function get(slot: Slot): unknown {
  return (slot.parent as Record<string, unknown>)[slot.key];
}

/** Sets a value as JSON.parse would: "__proto__" becomes an own key, not the prototype. */
function set(parent: Container, key: string | number, value: unknown): void {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

function copy(value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: structuredClone(value) };
  } catch {
    return { ok: false };
  }
}

function siblingKey(slot: Slot, random: Random): string | number | null {
  const keys = Array.isArray(slot.parent) ? slot.parent.map((_, i) => i) : Object.keys(slot.parent);
  const others = keys.filter((k) => k !== slot.key);
  return others.length === 0 ? null : pick(random, others);
}

const mutations: Record<string, Mutation> = {
  drop(slots, random) {
    const slot = pick(random, slots);
    if (slot.path === "") set(slot.parent, slot.key, null);
    else if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
    else delete slot.parent[slot.key];
    return `drop ${slot.path || "the whole document"}`;
  },
  duplicate(slots, random) {
    const slot = pick(
      random,
      slots.filter((s) => Array.isArray(s.parent)),
    );
    if (!slot) return "duplicate: no array";
    const copies = random() < 0.95 ? 1 : 500;
    const values = Array.from({ length: copies }, () => copy(get(slot))).flatMap((c) => (c.ok ? [c.value] : []));
    (slot.parent as unknown[]).splice(slot.key as number, 0, ...values);
    return `duplicate ${slot.path} ×${values.length}`;
  },
  swapSiblings(slots, random) {
    const slot = pick(random, slots);
    const other = siblingKey(slot, random);
    if (other === null) return `swap: ${slot.path} has no sibling`;
    const parent = slot.parent as Record<string, unknown>;
    const value = parent[slot.key];
    set(slot.parent, slot.key, parent[other]);
    set(slot.parent, other, value);
    return `swap ${slot.path} with its sibling ${String(other)}`;
  },
  transplant(slots, random) {
    const [to, from] = [pick(random, slots), pick(random, slots)];
    const value = copy(get(from));
    if (!value.ok) return `transplant: ${from.path} too deep to copy`;
    set(to.parent, to.key, value.value);
    return `${to.path} := copy of ${from.path}`;
  },
  wrongType(slots, random) {
    const slot = pick(random, slots);
    const value = wrongTypeValue(random);
    set(slot.parent, slot.key, value);
    return `${slot.path} := ${describeValue(value)}`;
  },
  absurdDate(slots, random) {
    const dated = slots.filter((s) => typeof s.key === "string" && /timestamp|expiry/.test(s.key));
    const slot = pick(random, dated.length > 0 ? dated : slots);
    const value = pick(random, ABSURD_DATES);
    set(slot.parent, slot.key, value);
    return `${slot.path} := ${describeValue(value)}`;
  },
  nest(slots, random) {
    const slot = pick(random, slots);
    const depth = nestingDepth(random);
    let value = get(slot);
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { deeper: value };
    set(slot.parent, slot.key, value);
    return `nest ${slot.path} ${depth} deep`;
  },
  prototypeKey(slots, random) {
    const objects = slots.filter((s) => {
      const v = get(s);
      return typeof v === "object" && v !== null && !Array.isArray(v);
    });
    const slot = pick(random, objects);
    if (!slot) return "prototype key: no object";
    const name = pick(random, ["__proto__", "constructor", "prototype"]);
    const value = pick(random, [
      { polluted: "yes" },
      { prototype: { polluted: "yes" } },
      "polluted",
      [{ polluted: "yes" }],
    ]);
    set(get(slot) as Container, name, value);
    return `${slot.path}.${name} := ${describeValue(value)}`;
  },
  corruptString(slots, random) {
    const slot = pick(
      random,
      slots.filter((s) => typeof get(s) === "string"),
    );
    if (!slot) return "corrupt string: no string";
    const text = get(slot) as string;
    const at = Math.floor(random() * (text.length + 1));
    // Cutting at a UTF-16 index can split a surrogate pair, as a careless writer would.
    const value =
      random() < 0.3 ? text.slice(0, at) : text.slice(0, at) + pick(random, HOSTILE_STRINGS) + text.slice(at);
    set(slot.parent, slot.key, value);
    return `${slot.path} := ${describeValue(value)}`;
  },
  hugeString(slots, random) {
    const slot = pick(random, slots);
    const value = hugeString(random);
    set(slot.parent, slot.key, value);
    return `${slot.path} := ${describeValue(value)}`;
  },
  truncateArray(slots, random) {
    const slot = pick(
      random,
      slots.filter((s) => Array.isArray(get(s))),
    );
    if (!slot) return "truncate array: no array";
    const array = get(slot) as unknown[];
    const length = Math.floor(random() * array.length);
    array.length = length;
    return `${slot.path} cut to ${length} items`;
  },
};

const MUTATION_NAMES = Object.keys(mutations);

/** The answer with only its first `keep` watchlist rows, as JSON text: smaller inputs, so more of them fit in a run. */
export function keepRows(text: string, keep: number): string {
  const document = JSON.parse(text) as { query?: { watchlist?: unknown } } | null;
  const rows = document?.query?.watchlist;
  if (Array.isArray(rows) && rows.length > keep) rows.length = keep;
  return JSON.stringify(document);
}

/** Applies `count` random mutations to `document` (changed in place; use a copy) and returns the result. */
export function mutateJson(document: unknown, random: Random, count: number): { document: unknown; steps: string[] } {
  const holder = { root: document };
  const steps: string[] = [];
  for (let i = 0; i < count; i++) steps.push(mutations[pick(random, MUTATION_NAMES)]!(slotsOf(holder), random));
  return { document: holder.root, steps };
}

/** Roughly the size of the document as JSON text, without serialising it (which a deep one would not survive). */
export function approximateSize(document: unknown): number {
  let size = 0;
  const stack = [document];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "string") size += value.length + 2;
    else if (typeof value !== "object" || value === null) size += 8;
    else
      for (const [key, child] of Object.entries(value)) {
        size += key.length + 4;
        stack.push(child);
      }
  }
  return size;
}
