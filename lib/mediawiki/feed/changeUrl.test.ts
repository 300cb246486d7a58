import { describe, expect, it } from "vitest";
import { idsFromChangeUrl } from "./changeUrl";

const none = { revId: null, oldRevId: null, logId: null };

describe("idsFromChangeUrl", () => {
  it.each([
    // What action=feedwatchlist writes (MediaWiki 1.39, captured).
    ["http://127.0.0.1:43295/index.php?title=Seen_Page&diff=582", { revId: 582, oldRevId: null, logId: null }],
    ["http://127.0.0.1:43295/index.php?title=Special:Log&logid=572", { revId: null, oldRevId: null, logId: 572 }],
    [
      "http://127.0.0.1:43295/index.php?title=%C3%9Cn%C3%AFc%C3%B6d%C3%A9_%E6%97%A5%E6%9C%AC%E8%AA%9E_%E3%83%9A%E3%83%BC%E3%82%B8&diff=566",
      { revId: 566, oldRevId: null, logId: null },
    ],
    // Special:RecentChanges feeds and hand-made links.
    ["https://en.wikipedia.org/w/index.php?title=Foo&diff=123&oldid=122", { revId: 123, oldRevId: 122, logId: null }],
    ["https://en.wikipedia.org/w/index.php?oldid=122&diff=123&title=Foo", { revId: 123, oldRevId: 122, logId: null }],
    [
      "https://en.wikipedia.org/w/index.php?title=Foo&curid=5&diff=123&oldid=122",
      { revId: 123, oldRevId: 122, logId: null },
    ],
    ["https://en.wikipedia.org/wiki/Foo?diff=123", { revId: 123, oldRevId: null, logId: null }],
    ["https://en.wikipedia.org/w/index.php?title=Foo&diff=prev&oldid=123", { revId: 123, oldRevId: null, logId: null }],
    ["https://en.wikipedia.org/w/index.php?title=Foo&diff=next&oldid=122", { revId: null, oldRevId: 122, logId: null }],
    ["https://en.wikipedia.org/w/index.php?title=Foo&diff=cur&oldid=122", { revId: null, oldRevId: 122, logId: null }],
    ["https://en.wikipedia.org/w/index.php?title=Foo&diff=0&oldid=122", { revId: null, oldRevId: 122, logId: null }],
    ["https://en.wikipedia.org/w/index.php?title=Foo&oldid=122", { revId: 122, oldRevId: null, logId: null }],
    ["https://en.wikipedia.org/w/index.php?title=Foo&diff=0123", { revId: 123, oldRevId: null, logId: null }],
    [
      "https://en.wikipedia.org/w/index.php?title=Foo&diff=123#Section_heading",
      { revId: 123, oldRevId: null, logId: null },
    ],
    ["/w/index.php?title=Foo&diff=123", { revId: 123, oldRevId: null, logId: null }],
    // Escaped once too often: "&amp;diff=" arrives as a parameter named "amp;diff".
    ["https://wiki.example/index.php?title=Foo&amp;diff=123&amp;oldid=122", { revId: 123, oldRevId: 122, logId: null }],
    // Special pages.
    ["https://en.wikipedia.org/wiki/Special:Diff/123", { revId: 123, oldRevId: null, logId: null }],
    ["https://en.wikipedia.org/wiki/Special:Diff/122/123", { revId: 123, oldRevId: 122, logId: null }],
    ["https://en.wikipedia.org/wiki/Special:Diff/123/prev", { revId: 123, oldRevId: null, logId: null }],
    ["https://en.wikipedia.org/wiki/Special:Diff/122/next", { revId: null, oldRevId: 122, logId: null }],
    ["https://en.wikipedia.org/w/index.php?title=Special:Diff/122/123", { revId: 123, oldRevId: 122, logId: null }],
    ["https://en.wikipedia.org/wiki/Special:PermanentLink/123", { revId: 123, oldRevId: null, logId: null }],
    ["https://en.wikipedia.org/wiki/Special:Redirect/revision/123", { revId: 123, oldRevId: null, logId: null }],
    ["https://en.wikipedia.org/wiki/Special:Redirect/logid/77", { revId: null, oldRevId: null, logId: 77 }],
    ["https://wiki.example/index.php/Special:Diff/5", { revId: 5, oldRevId: null, logId: null }],
    ["https://wiki.example/wiki/Special%3ADiff%2F5", { revId: 5, oldRevId: null, logId: null }],
  ])("reads %s", (url, expected) => {
    expect(idsFromChangeUrl(url)).toEqual(expected);
  });

  it.each([
    "",
    "   ",
    "not a url at all",
    "http://[broken",
    "https://en.wikipedia.org/wiki/Foo",
    "https://en.wikipedia.org/w/index.php?title=Foo&curid=5",
    "https://en.wikipedia.org/w/index.php?title=Foo&diff=abc",
    "https://en.wikipedia.org/w/index.php?title=Foo&diff=-5",
    "https://en.wikipedia.org/w/index.php?title=Foo&diff=1.5",
    "https://en.wikipedia.org/w/index.php?title=Foo&diff=0",
    "https://en.wikipedia.org/w/index.php?title=Foo&diff=prev",
    "https://en.wikipedia.org/w/index.php?title=Foo&diff=99999999999999999999",
    "https://en.wikipedia.org/w/index.php?title=Foo&oldid=0x1F",
    "https://en.wikipedia.org/w/index.php?title=Special:Log&logid=",
    "https://en.wikipedia.org/wiki/Special:Diff/",
    "https://en.wikipedia.org/wiki/Special:Diff/abc",
    "https://en.wikipedia.org/wiki/Special:PermanentLink/1/2",
    "https://en.wikipedia.org/wiki/Special:Log/delete",
    "https://en.wikipedia.org/wiki/%E0%A4%A",
    "javascript:alert(1)",
  ])("finds no ids in %j", (url) => {
    expect(idsFromChangeUrl(url)).toEqual(none);
  });

  it("prefers a log id over revision parameters", () => {
    expect(idsFromChangeUrl("https://w.example/index.php?title=Special:Log&logid=9&diff=3")).toEqual({
      ...none,
      logId: 9,
    });
  });
});
