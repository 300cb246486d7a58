import type { SafeFetch } from "@/lib/net/safeFetch";
import { SESSION_LOST_CODES } from "../errors/errorCodes";
import type { ApiParams } from "./apiParams";
import { createApiTransport, type MaxlagRetryPolicy } from "./apiTransport";
import { type BotPasswordCredentials, loginWithBotPassword } from "./botPasswordLogin";
import { CookieJar } from "./cookieJar";
import type { RateLimitPolicy } from "./hostGate";
import { noCredentialsError } from "./loginErrors";
import type { LoginSuccess } from "./loginResult";
import { isMediaWikiApiError, MediaWikiApiError } from "./MediaWikiApiError";
import { type ApiResult, siteLabelFor } from "./parseApiResponse";
import { parseWire } from "./parseWire";
import { readSiteInfo } from "./readSiteInfo";
import { SITE_INFO_PARAMS, type SiteInfo } from "./siteInfo";
import { TokenCache, type TokenType } from "./tokenCache";
import { buildUserAgent, type UserAgentInfo } from "./userAgent";
import { type WatchlistTokenCredentials, watchlistTokenParams } from "./watchlistToken";
import { tokensWire } from "./wire/tokens";

export interface MediaWikiClientConfig {
  /** The wiki's api.php, e.g. from discoverWiki(). */
  apiUrl: string;
  userAgent: UserAgentInfo;
  /** safeFetch with the admin's network policy. */
  fetch: SafeFetch;
  /** A restored session; a fresh jar is used otherwise. */
  cookieJar?: CookieJar;
  botPassword?: BotPasswordCredentials;
  /** Called whenever the session cookies change, so the caller can re-encrypt and store them. */
  onCookiesChanged?: (jar: CookieJar) => void | Promise<void>;
  /** maxlag sent with every call; default 5, null to leave it out. */
  maxlag?: number | null;
  maxlagRetry?: Partial<MaxlagRetryPolicy>;
  /** The host's gate and how long to sit through its Retry-After; by default ~5 s once, as for a person waiting. */
  rateLimit?: RateLimitPolicy;
  /** Replaces the wait between maxlag retries, for tests. */
  sleep?: (ms: number) => Promise<void>;
}

export interface CallOptions {
  /**
   * Send assert=user, log in first if there is no session, and log in again
   * once if the session was lost. Defaults to true when the client was given
   * a bot password or a cookie jar.
   */
  authenticated?: boolean;
  signal?: AbortSignal;
}

export interface PostOptions extends CallOptions {
  /** Adds a token of this type (fetched and cached), refreshed once on badtoken. */
  token?: TokenType;
}

export interface MediaWikiClient {
  readonly apiUrl: string;
  readonly cookieJar: CookieJar;
  /** A read. The answer's `data` is in wire shape; validate the part you need. */
  get(params: ApiParams, options?: CallOptions): Promise<ApiResult>;
  /** A write, form-encoded. */
  post(params: ApiParams, options?: PostOptions): Promise<ApiResult>;
  login(): Promise<LoginSuccess>;
  token(type: TokenType): Promise<string>;
  siteInfo(): Promise<SiteInfo>;
  /** A read authorised by a watchlist token instead of a login. */
  getWithWatchlistToken(params: ApiParams, credentials: WatchlistTokenCredentials): Promise<ApiResult>;
}

export function createMediaWikiClient(config: MediaWikiClientConfig): MediaWikiClient {
  const apiUrl = checkApiUrl(config.apiUrl);
  const siteLabel = siteLabelFor(apiUrl);
  const cookieJar = config.cookieJar ?? new CookieJar();
  const authenticatedByDefault = config.botPassword !== undefined || config.cookieJar !== undefined;
  const tokens = new TokenCache();
  const send = createApiTransport({
    apiUrl,
    userAgent: buildUserAgent(config.userAgent),
    fetch: config.fetch,
    cookieJar,
    onCookiesChanged: config.onCookiesChanged,
    maxlag: config.maxlag,
    maxlagRetry: config.maxlagRetry,
    rateLimit: config.rateLimit,
    sleep: config.sleep,
  });

  let pendingLogin: Promise<LoginSuccess> | null = null;
  let pendingSiteInfo: Promise<SiteInfo> | null = null;

  const cookiesChanged = async (changed: boolean) => {
    if (changed) await config.onCookiesChanged?.(cookieJar);
  };

  const discardSession = async () => {
    try {
      const csrf = await fetchToken("csrf", false);
      await send("POST", { action: "logout", token: csrf }, { assertUser: false });
    } catch {
      // Best effort: forgetting the cookies below is what matters.
    }
    tokens.clear();
    await cookiesChanged(cookieJar.clear());
  };

  function login(): Promise<LoginSuccess> {
    const credentials = config.botPassword;
    if (!credentials) return Promise.reject(noCredentialsError(siteLabel));
    pendingLogin ??= (async () => {
      try {
        tokens.clear();
        // Start from a clean session rather than one the wiki no longer honours.
        await cookiesChanged(cookieJar.clear());
        return await loginWithBotPassword(send, credentials, { siteLabel, discardSession });
      } finally {
        pendingLogin = null;
      }
    })();
    return pendingLogin;
  }

  async function fetchToken(type: TokenType, assertUser: boolean): Promise<string> {
    const answer = await send("GET", { action: "query", meta: "tokens", type }, { assertUser });
    const token = parseWire(tokensWire, answer.data, siteLabel, "a token").query.tokens[`${type}token`];
    if (!token) {
      throw new MediaWikiApiError("invalid", "unexpected_response", `${siteLabel} did not hand out a ${type} token.`);
    }
    return token;
  }

  async function withSession<T>(authenticated: boolean, operation: () => Promise<T>): Promise<T> {
    const canLogin = authenticated && config.botPassword !== undefined;
    if (canLogin && cookieJar.isEmpty()) await login();
    try {
      return await operation();
    } catch (error) {
      if (!canLogin || !isMediaWikiApiError(error) || !SESSION_LOST_CODES.has(error.code)) throw error;
      await login();
      try {
        return await operation();
      } catch (again) {
        if (!isMediaWikiApiError(again) || !SESSION_LOST_CODES.has(again.code)) throw again;
        // The bot password has just worked: what failed is the wiki keeping the new session, not the credentials.
        // Asking the user to check them (and pausing the link until they do) would be wrong; retrying later is not.
        throw new MediaWikiApiError(
          "transient",
          "session_lost",
          `${siteLabel} dropped Watchdeck's session right after a successful login; the next sync tries again.`,
          { cause: again },
        );
      }
    }
  }

  function call(method: "GET" | "POST", params: ApiParams, options: PostOptions = {}): Promise<ApiResult> {
    const authenticated = options.authenticated ?? authenticatedByDefault;
    const sendOptions = { assertUser: authenticated, signal: options.signal };
    const tokenType = options.token;

    return withSession(authenticated, async () => {
      if (!tokenType) return send(method, params, sendOptions);
      const sendWithToken = async () =>
        send(
          method,
          { ...params, token: await tokens.get(tokenType, (type) => fetchToken(type, authenticated)) },
          sendOptions,
        );
      try {
        return await sendWithToken();
      } catch (error) {
        if (!isMediaWikiApiError(error, "badtoken")) throw error;
        tokens.forget(tokenType);
        return sendWithToken();
      }
    });
  }

  return {
    apiUrl,
    cookieJar,
    get: (params, options) => call("GET", params, options),
    post: (params, options) => call("POST", params, options),
    login,
    token: (type) =>
      withSession(authenticatedByDefault, () =>
        tokens.get(type, (tokenType) => fetchToken(tokenType, authenticatedByDefault)),
      ),
    siteInfo() {
      pendingSiteInfo ??= call("GET", SITE_INFO_PARAMS).then((result) => readSiteInfo(result, siteLabel));
      pendingSiteInfo.catch(() => (pendingSiteInfo = null));
      return pendingSiteInfo;
    },
    getWithWatchlistToken: (params, credentials) =>
      call("GET", { ...params, ...watchlistTokenParams(credentials) }, { authenticated: false }),
  };
}

function checkApiUrl(apiUrl: string): string {
  try {
    const url = new URL(apiUrl);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch {
    // reported below
  }
  throw new MediaWikiApiError(
    "invalid",
    "bad_url",
    "The wiki's API address is not a valid http:// or https:// address.",
  );
}
