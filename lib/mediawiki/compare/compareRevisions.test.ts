import { describe, expect, it } from "vitest";
import { createMediaWikiClient } from "../api/client";
import { fakeResponse, fakeWiki, fixture } from "../api/testdata/fakeWiki";
import { rejection } from "../api/testdata/rejection";
import { compareRevisions } from "./compareRevisions";

const userAgent = { appName: "Watchdeck", appVersion: "0.1.0", contact: "https://watchdeck.example/about" };
const captured = (name: string) => fixture(`../../compare/testdata/${name}`);

function clientAnswering(body: unknown) {
  const wiki = fakeWiki(() => fakeResponse(body));
  const client = createMediaWikiClient({
    apiUrl: "https://wiki.example/w/api.php",
    userAgent,
    fetch: wiki,
    maxlag: null,
  });
  return { client, wiki };
}

describe("compareRevisions", () => {
  it("asks for the revision pair and reads the diff, its ids and title", async () => {
    const { client, wiki } = clientAnswering(captured("compare.edit.json"));
    const diff = await compareRevisions(client, { fromRevId: 572, toRevId: 573 });
    expect(wiki.requests[0]?.params.get("action")).toBe("compare");
    expect(wiki.requests[0]?.params.get("fromrev")).toBe("572");
    expect(wiki.requests[0]?.params.get("torev")).toBe("573");
    expect(wiki.requests[0]?.params.get("prop")).toBe("diff|ids|title|rel");
    expect(diff).toMatchObject({ fromRevId: 572, toRevId: 573, title: "Revision Deletion Page", restricted: false });
    expect(diff.bodyHtml).toContain('<ins class="diffchange diffchange-inline">summary</ins>');
  });

  it("compares a page creation against nothing (torelative=prev), from revision 0", async () => {
    const { client, wiki } = clientAnswering(captured("compare.creation.json"));
    const diff = await compareRevisions(client, { fromRevId: null, toRevId: 1 });
    expect(wiki.requests[0]?.params.get("fromrev")).toBe("1");
    expect(wiki.requests[0]?.params.get("torelative")).toBe("prev");
    expect(diff).toMatchObject({ fromRevId: 0, toRevId: 1, title: "Main Page", restricted: false });
    expect(diff.bodyHtml).toContain("diff-addedline");
  });

  it("says a revision whose text is hidden was deleted or suppressed", async () => {
    const { client } = clientAnswering(captured("error.missingcontent.json"));
    const error = await rejection(compareRevisions(client, { fromRevId: null, toRevId: 584 }));
    expect(error.code).toBe("missingcontent");
    expect(error.message).toBe(
      "This revision was deleted or suppressed on wiki.example: its text is hidden, so there is no diff to show.",
    );
  });

  it("marks a diff whose hidden text this session could see as restricted", async () => {
    const answer = captured("compare.edit.json") as { compare: Record<string, unknown> };
    const { client } = clientAnswering({ compare: { ...answer.compare, fromtexthidden: true } });
    expect((await compareRevisions(client, { fromRevId: 572, toRevId: 573 })).restricted).toBe(true);
  });

  it("sanitises the wiki's diff", async () => {
    const { client } = clientAnswering({
      compare: {
        torevid: 2,
        totitle: "X",
        body: '<tr><td class="diff-addedline" onmouseover="x()">a<script>b</script></td></tr>',
      },
    });
    expect((await compareRevisions(client, { fromRevId: 1, toRevId: 2 })).bodyHtml).toBe(
      '<tr><td class="diff-addedline">a</td></tr>',
    );
  });
});
