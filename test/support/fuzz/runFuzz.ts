import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seededRandom, seedFromEnv } from "../seededRandom";
import type { Random } from "./hostileValues";

/**
 * A seeded fuzz loop. Every generated input is run once; the run fails at the
 * first input that makes the function throw, break an invariant, change a
 * built-in prototype or take more CPU time than its budget (twice). The failure names
 * the seed and iteration (the same seed replays the same inputs), lists the
 * mutations that made the input, and saves the exact input to a file for a
 * regression test.
 */
export interface FuzzTarget<Input, Result> {
  label: string;
  /** Environment variable that fixes the seed, e.g. WATCHDECK_FUZZ_SEED. */
  seedVariable: string;
  /** Inputs per run; WATCHDECK_FUZZ_ITERATIONS overrides it for a longer run. */
  iterations: number;
  generate(random: Random): { input: Input; steps: string[]; size: number };
  run(input: Input): Result;
  /** What is wrong with a result; empty when it is fine. */
  violations(result: Result): string[];
  /** How the result is counted in the summary ("ok", or an error code). */
  outcome(result: Result): string;
  /** Milliseconds of CPU one call may take for an input of `size` (characters, roughly). */
  budgetMs(size: number): number;
  /** The input as file content, and the file's extension. */
  save(input: Input): { text: string; extension: string };
}

export interface FuzzSummary {
  seed: number;
  iterations: number;
  outcomes: Record<string, number>;
  slowestMs: number;
  cpuMs: number;
  callsMs: number;
  wallMs: number;
}

export function runFuzz<Input, Result>(target: FuzzTarget<Input, Result>): FuzzSummary {
  const seed = seedFromEnv(target.seedVariable, target.label);
  const iterations = iterationsOf(target.iterations);
  const random = seededRandom(seed);
  const prototypes = prototypeSnapshot();
  const outcomes: Record<string, number> = {};
  let slowestMs = 0;
  let callsMs = 0;
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();

  for (let iteration = 0; iteration < iterations; iteration++) {
    const { input, steps, size } = target.generate(random);
    const fail = (problem: string): never => {
      throw new Error(failureReport(target, seed, iteration, problem, steps, input));
    };
    let result: Result;
    let ms: number;
    try {
      ({ result, ms } = timed(() => target.run(input)));
      // Over budget once can be a collection or a cold path; twice in a row is the input.
      if (ms > target.budgetMs(size)) ms = Math.min(ms, timed(() => target.run(input)).ms);
    } catch (error) {
      return fail(`threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    slowestMs = Math.max(slowestMs, ms);
    callsMs += ms;
    if (prototypeSnapshot() !== prototypes) fail("a built-in prototype changed");
    if (ms > target.budgetMs(size))
      fail(
        `took ${Math.round(ms)} ms of CPU twice, over the ${Math.round(target.budgetMs(size))} ms budget for ${size} characters`,
      );
    const problems = target.violations(result);
    if (problems.length > 0) fail(problems.slice(0, 5).join("; "));
    const outcome = target.outcome(result);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }

  const cpu = process.cpuUsage(cpuAtStart);
  const summary = {
    seed,
    iterations,
    outcomes,
    slowestMs: Math.round(slowestMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    callsMs: Math.round(callsMs),
    wallMs: Math.round(performance.now() - started),
  };
  console.log(
    `[${target.label}] ${iterations} inputs: ${summary.cpuMs} ms of CPU (${summary.callsMs} in the calls, slowest ${summary.slowestMs}), ${summary.wallMs} ms wall; ${JSON.stringify(outcomes)}`,
  );
  return summary;
}

function iterationsOf(iterations: number): number {
  return Number(process.env.WATCHDECK_FUZZ_ITERATIONS) || iterations;
}

/** The test's timeout: a minute for the usual run on a busy machine, longer for a longer run. */
export function fuzzTimeoutMs(iterations: number): number {
  return 60_000 * Math.max(1, iterationsOf(iterations) / iterations);
}

/** CPU time, not wall time: other processes on a busy machine must not fail the run. */
function timed<T>(run: () => T): { result: T; ms: number } {
  const before = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

const PROTOTYPES = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
];

/** Every own property of the built-in prototypes and whether its value is still the original. */
const originals = new Map<object, Map<string | symbol, unknown>>(
  PROTOTYPES.map((proto) => [
    proto,
    new Map(Reflect.ownKeys(proto).map((key) => [key, Object.getOwnPropertyDescriptor(proto, key)?.value])),
  ]),
);

function prototypeSnapshot(): string {
  return PROTOTYPES.map((proto) => {
    const known = originals.get(proto)!;
    const keys = Reflect.ownKeys(proto);
    const changed = keys.filter(
      (key) => !known.has(key) || Object.getOwnPropertyDescriptor(proto, key)?.value !== known.get(key),
    );
    return `${keys.length}:${changed.map(String).join(",")}`;
  }).join("|");
}

function failureReport<Input, Result>(
  target: FuzzTarget<Input, Result>,
  seed: number,
  iteration: number,
  problem: string,
  steps: string[],
  input: Input,
): string {
  let saved: string;
  try {
    const { text, extension } = target.save(input);
    const file = path.join(
      tmpdir(),
      `watchdeck-fuzz-${target.label.replace(/\W+/g, "-")}-${seed}-${iteration}.${extension}`,
    );
    writeFileSync(file, text);
    saved = `input saved to ${file}`;
  } catch (error) {
    saved = `input could not be saved (${String(error)}); replay it with the seed`;
  }
  return [
    `${target.label}: input ${iteration} ${problem}`,
    `seed ${seed}: replay with ${target.seedVariable}=${seed}`,
    `made from a capture by:`,
    ...steps.map((step) => `  - ${step}`),
    saved,
  ].join("\n");
}
