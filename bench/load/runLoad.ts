import autocannon from "autocannon";
import { browsingSession, type AnsweredRequest, type BrowsingUser } from "./browsingSession";

/** One answered request with its latency as autocannon measured it (request written to last byte read). */
export interface LoadSample extends AnsweredRequest {
  ms: number;
}

export interface LoadRun {
  result: autocannon.Result;
  samples: LoadSample[];
}

/**
 * autocannon against `baseUrl` with one connection per user, each browsing
 * with its own session cookie and its own round of filters, sending its next
 * request as soon as an answer arrives.
 */
export async function runLoad(baseUrl: string, users: BrowsingUser[], seconds: number): Promise<LoadRun> {
  const samples: LoadSample[] = [];
  let nextUser = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: users.length,
    duration: seconds,
    timeout: 30,
    setupClient: (client) => {
      // autocannon makes its clients one after another, so this hands out each user once.
      const user = users[nextUser++ % users.length]!;
      let answered: AnsweredRequest | null = null;
      client.setRequests(browsingSession(user, (answer) => (answered = answer)));
      // A client reports its own response (status, bytes, ms) just after the request's onResponse.
      client.on("response", (_status: number, _bytes: number, ms: number) => {
        if (answered) samples.push({ ...answered, ms });
        answered = null;
      });
    },
  });
  return { result, samples };
}
