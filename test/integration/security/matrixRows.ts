import { query } from "@/test/integration/sync/syncTestKit";
import type { AppResponse, AppSession } from "@/test/support/appSession";
import { ACTORS, type Actor, type World } from "./matrixWorld";

/** What a page or route did: its status, or a redirect to sign-in or home. */
export type HttpOutcome = number | "signin" | "home";

/**
 * What a server action did, judged by its probe (what it changes when it is allowed):
 * - ok: the probed effect happened;
 * - denied: it refused with a reason, nothing changed;
 * - signedOut: it refused asking to sign in again, nothing changed;
 * - ignored: it neither refused nor changed anything (void actions that silently skip what is not
 *   the caller's, or an action that ran on the caller's own, empty, data).
 */
export type ActionOutcome = "ok" | "denied" | "signedOut" | "ignored";

export type PerActor<T> = Record<Actor, T>;
export const all = <T>(value: T, overrides: Partial<PerActor<T>> = {}): PerActor<T> => ({
  anonymous: value,
  other: value,
  member: value,
  owner: value,
  ...overrides,
});
export const signedIn = <T>(anonymous: T, value: T, overrides: Partial<PerActor<T>> = {}): PerActor<T> => ({
  ...all(value),
  anonymous,
  ...overrides,
});

/** Text that only the listed actors may find in the answer. */
export interface Shows {
  text: (w: World) => string;
  to: readonly Actor[];
}

export interface HttpRow {
  key: string;
  what: string;
  /** One request, or `send`: an exchange of several, whose last answer counts. */
  request?: (w: World) => { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
  send?: (session: AppSession, w: World) => Promise<AppResponse>;
  expect: PerActor<HttpOutcome>;
  shows?: Shows;
  /** Anything else wrong with an answer. */
  problems?: (response: AppResponse) => string[];
}

/**
 * Every row probes the action's real effect, so an action that answers without refusing yet does nothing
 * (or does it for the wrong caller) cannot score "ok".
 */
type ActionEffect =
  | {
      /** The state the action changes when (and only when) it is allowed. */
      probe: (w: World, fresh: string) => Promise<unknown>;
      /** The wiki makes the change after it answered: when the reply says done, wait (up to 5 s) for the probe to move. */
      appliedAfterAnswer?: boolean;
      reads?: never;
    }
  | {
      /** An action that only reads: whether its reply holds the data it reads for the owner. */
      reads: (w: World, reply: unknown) => boolean;
      probe?: never;
      appliedAfterAnswer?: never;
    };

export type ActionRow = ActionRowFields & ActionEffect;

interface ActionRowFields {
  key: string;
  what: string;
  /** Made before each actor's call; passed to args and probe. */
  fresh?: (w: World) => Promise<string>;
  args: (w: World, fresh: string) => unknown[];
  expect: PerActor<ActionOutcome>;
  /** Checked in the action's reply. */
  shows?: Shows;
  /** Mounted on a page with a dynamic segment: fill it in. */
  page?: (w: World) => string;
  /** Undoes what the allowed calls left behind that would disturb later rows. */
  cleanup?: (w: World) => Promise<void>;
}

export const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

export const one = async (sql: string, params: unknown[]) => (await query<{ v: unknown }>(sql, params))[0]?.v ?? null;

export function httpOutcome(response: AppResponse): HttpOutcome {
  const location = response.headers.get("location") ?? "";
  const redirect = response.status >= 300 && response.status < 400;
  if (redirect && new URL(location, "http://x").pathname === "/signin") return "signin";
  if (redirect && new URL(location, "http://x").pathname === "/") return "home";
  return response.status;
}

const SIGN_IN_AGAIN = /sign in again/i;

/** Whether the reply is one of our action states saying no: `{ ok: false, message }` or `{ error }`. */
function refusal(reply: unknown): string | null {
  if (!reply || typeof reply !== "object" || Array.isArray(reply)) return null;
  const state = reply as { ok?: unknown; message?: unknown; error?: unknown };
  if (state.ok === false) return String(state.message ?? "refused");
  if (typeof state.error === "string") return state.error;
  return null;
}

/** `changed`: whether the probe moved, or for a read, whether the reply holds what it reads. */
export function actionOutcome(response: AppResponse, reply: unknown, changed: boolean): ActionOutcome | string {
  if (response.status !== 200) return `HTTP ${response.status}`;
  const refused = refusal(reply);
  const signedOut =
    (response.headers.get("x-action-redirect") ?? "").startsWith("/signin") || SIGN_IN_AGAIN.test(refused ?? "");
  if (changed && (refused || signedOut)) return `changed, yet answered "${refused ?? "sign in"}"`;
  if (signedOut) return "signedOut";
  if (refused) return "denied";
  return changed ? "ok" : "ignored";
}

/** Who saw the text although they may not, or did not although they should. */
export function leaksOf(shows: Shows | undefined, w: World, seen: Partial<Record<Actor, string>>): string[] {
  if (!shows) return [];
  const text = shows.text(w);
  return ACTORS.filter(
    (actor) => seen[actor] !== undefined && shows.to.includes(actor) !== seen[actor]!.includes(text),
  ).map((actor) => `${actor} ${shows.to.includes(actor) ? "does not see" : "sees"} ${text}`);
}
