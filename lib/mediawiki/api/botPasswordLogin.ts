import type { SendApiRequest } from "./apiTransport";
import { loginTokenRejectedError } from "./loginErrors";
import { interpretLoginResult, type LoginSuccess } from "./loginResult";
import { parseWire } from "./parseWire";
import { loginWire } from "./wire/login";
import { tokensWire } from "./wire/tokens";

export interface BotPasswordCredentials {
  /** "User@botname", as Special:BotPasswords shows it. */
  username: string;
  password: string;
}

export interface BotPasswordLoginOptions {
  siteLabel: string;
  /** Called when the wiki let a main-account password in: end that session before failing. */
  discardSession: () => Promise<void>;
}

/** meta=tokens&type=login, then a POSTed action=login; one more try after WrongToken. */
export async function loginWithBotPassword(
  send: SendApiRequest,
  credentials: BotPasswordCredentials,
  { siteLabel, discardSession }: BotPasswordLoginOptions,
): Promise<LoginSuccess> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const tokenAnswer = await send("GET", { action: "query", meta: "tokens", type: "login" }, { assertUser: false });
    const loginToken = parseWire(tokensWire, tokenAnswer.data, siteLabel, "a login token").query.tokens.logintoken;
    if (!loginToken) throw loginTokenRejectedError(siteLabel);

    const answer = await send(
      "POST",
      { action: "login", lgname: credentials.username, lgpassword: credentials.password, lgtoken: loginToken },
      { assertUser: false },
    );
    const outcome = interpretLoginResult(
      parseWire(loginWire, answer.data, siteLabel, "a login answer"),
      answer.warnings,
      siteLabel,
    );
    switch (outcome.status) {
      case "success":
        return outcome.user;
      case "retry_with_new_token":
        continue;
      case "main_account_session":
        await discardSession();
        throw outcome.error;
      case "failed":
        throw outcome.error;
    }
  }
  throw loginTokenRejectedError(siteLabel);
}
