import { describe, expect, it } from "vitest";
import { feedNameSchema } from "@/lib/feeds/feedTokens";
import { linkFailureFrom } from "@/lib/links/linkFailure";
import { firstIssue, linkEditInputSchema, newLinkInputSchema } from "@/lib/links/linkInput";
import { parsePastedUrl } from "@/lib/mediawiki/discovery/parsePastedUrl";
import { teamNameSchema } from "@/lib/teams/teams";
import { presetNameSchema } from "@/lib/timeline/presets/timelinePreset";
import { pageTitleSchema, readPageTitleLines } from "@/lib/watching/pageTitleInput";

/**
 * Every text field of the app's forms, fed overlong, unicode, control
 * characters and script injection: each value is either kept as the text it
 * is (pages escape it when they show it) or refused with that field's own
 * message. Nothing throws.
 */

type Outcome = { ok: true; text: string | undefined } | { ok: false; message: string; field?: string };

interface TextField {
  name: string;
  check(value: unknown): Outcome;
  messages: { missing: string | null; tooLong: string; notText: string };
}

function standalone(schema: {
  safeParse(
    value: unknown,
  ): { success: true; data: string } | { success: false; error: { issues: { message: string }[] } };
}) {
  return (value: unknown): Outcome => {
    const parsed = schema.safeParse(value);
    return parsed.success ? { ok: true, text: parsed.data } : { ok: false, message: parsed.error.issues[0]!.message };
  };
}

function inLinkForm(
  schema: typeof newLinkInputSchema | typeof linkEditInputSchema,
  base: Record<string, unknown>,
  key: string,
) {
  return (value: unknown): Outcome => {
    const parsed = schema.safeParse({ ...base, [key]: value });
    if (parsed.success) return { ok: true, text: (parsed.data as Record<string, string | undefined>)[key] };
    const issue = firstIssue(parsed.error);
    return { ok: false, message: issue.message, field: issue.field };
  };
}

const newLink = { wikiUrl: "https://wiki.example/w/api.php", authMode: "bot_password" };
const editedLink = { displayName: "Alpha", color: "#3366cc" };

const FIELDS: TextField[] = [
  {
    name: "team name",
    check: standalone(teamNameSchema),
    messages: {
      missing: "Give the team a name.",
      tooLong: "Keep the team name under 80 characters.",
      notText: "The team name cannot contain control characters.",
    },
  },
  {
    name: "preset name",
    check: standalone(presetNameSchema),
    messages: {
      missing: "Give the preset a name.",
      tooLong: "A preset name can be at most 80 characters.",
      notText: "The preset name cannot contain control characters.",
    },
  },
  {
    name: "feed name",
    check: standalone(feedNameSchema),
    messages: {
      missing: "Give the feed a name.",
      tooLong: "Keep the feed name under 80 characters.",
      notText: "The feed name cannot contain control characters.",
    },
  },
  {
    name: "page title",
    check: standalone(pageTitleSchema),
    messages: {
      missing: "Enter a page title.",
      tooLong: "A page title can be at most 512 characters.",
      notText: "A page title cannot contain control characters.",
    },
  },
  {
    name: "display name of an edited link",
    check: inLinkForm(linkEditInputSchema, editedLink, "displayName"),
    messages: {
      missing: "Enter a display name.",
      tooLong: "Keep the display name under 80 characters.",
      notText: "The display name cannot contain control characters.",
    },
  },
  {
    name: "display name of a new link (optional)",
    check: inLinkForm(newLinkInputSchema, newLink, "displayName"),
    messages: {
      missing: null,
      tooLong: "Keep the display name under 80 characters.",
      notText: "The display name cannot contain control characters.",
    },
  },
  {
    name: "user name of a new link (optional)",
    check: inLinkForm(newLinkInputSchema, newLink, "username"),
    messages: {
      missing: null,
      tooLong: "That user name is too long.",
      notText: "A user name cannot contain control characters.",
    },
  },
  {
    name: "user name of an edited link (optional)",
    check: inLinkForm(linkEditInputSchema, editedLink, "username"),
    messages: {
      missing: null,
      tooLong: "That user name is too long.",
      notText: "A user name cannot contain control characters.",
    },
  },
];

/** Text that is just text: kept exactly, whatever it looks like. */
const KEPT_AS_TEXT: [string, string][] = [
  ["right-to-left text", "מחיקה של ויקיפדיה ‏(עברית)"],
  ["Arabic", "مرحبا بالعالم"],
  ["combining marks", "Zalgo z\u0301\u0327\u0308a\u0300\u0316l\u0304g\u0311o"],
  ["an emoji with joiners", "👩‍👩‍👧‍👦 team"],
  ["right-to-left marks placing neutrals (RLM, LRM, ALM)", "ויקי\u200F (עברית)\u200E 2 \u061Cعربي"],
  ["a zero-width joiner inside a word", "क्\u200Dष team"],
  ["CJK", "日本語のページ"],
  ["a script element", "<script>alert(1)</script>"],
  ["an image with onerror", '<img src=x onerror="alert(1)">'],
  ["a javascript: URL", "javascript:alert(1)"],
  ["an attribute breakout", '"><svg onload=alert(1)>'],
  ["escaped markup", "&lt;b&gt;&amp;"],
  ["wikitext", "{{subst:Foo}} [[Bar|baz]] ~~~~"],
  ["SQL", "'; DROP TABLE teams; --"],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the hostile input is this literal text
  ["a template literal", "${process.env.AUTH_SECRET}"],
  ["a prototype name", "__proto__"],
];

/** Never part of a name or title. */
const NOT_TEXT: [string, string][] = [
  ["NUL", "a\u0000b"],
  ["an escape sequence", "\u001b[31mred"],
  ["DEL", "a\u007f"],
  ["a C1 control", "a\u0085b"],
  ["a tab inside", "a\tb"],
  ["a line break inside", "first\nsecond"],
  ["a line separator", "a\u2028b"],
  ["a lone high surrogate", "a\uD800"],
  ["a lone low surrogate", "\uDFFFb"],
];

/** Direction controls that make a name read as something else ("\u202Egnp.exe" shows as "exe.png"). */
const BIDI_CONTROLS: [string, string, string][] = [
  ["a left-to-right embedding", "a\u202Ab", "U+202A"],
  ["a right-to-left embedding", "a\u202Bb", "U+202B"],
  ["a pop directional formatting", "a\u202Cb", "U+202C"],
  ["a left-to-right override", "\u202Dgnp.exe", "U+202D"],
  ["a right-to-left override", "\u202Egnp.exe", "U+202E"],
  ["a left-to-right isolate", "a\u2066b", "U+2066"],
  ["a right-to-left isolate", "a\u2067b", "U+2067"],
  ["a first-strong isolate", "a\u2068b", "U+2068"],
  ["a pop directional isolate", "a\u2069b", "U+2069"],
];

/** Names that look empty: every character in them draws nothing. */
const INVISIBLE_ONLY: [string, string][] = [
  ["a zero-width space", "\u200B"],
  ["zero-width joiners", "\u200D\u200C\u200D"],
  ["a right-to-left mark", "\u200F"],
  ["a word joiner and a BOM", "\u2060\uFEFF"],
  ["a soft hyphen", "\u00AD"],
  ["the Hangul filler", "\u3164"],
  ["the Hangul choseong filler", "\u115F\u1160"],
  ["the halfwidth Hangul filler", "\uFFA0"],
  ["a variation selector", "\uFE0F"],
  ["a blank Braille pattern", "\u2800\u2800"],
  ["a zero-width space between no-break spaces", "\u00A0\u200B\u00A0\u200B"],
  ["a tag character", "\u{E0041}"],
];

describe.each(FIELDS)("the $name", ({ check, messages }) => {
  it.each(KEPT_AS_TEXT)("keeps %s exactly as typed", (_what, text) => {
    expect(check(text)).toEqual({ ok: true, text });
  });

  it("trims the ends but keeps the inside", () => {
    expect(check("  a  b \u00a0")).toEqual({ ok: true, text: "a  b" });
  });

  it.each(NOT_TEXT)("refuses %s with its own message", (_what, text) => {
    expect(check(text)).toMatchObject({ ok: false, message: messages.notText });
  });

  it.each(BIDI_CONTROLS)("refuses %s, naming the character", (_what, text, codePoint) => {
    expect(check(text)).toMatchObject({
      ok: false,
      message: `Remove the text-direction control character (${codePoint}): it can make a name read as something else.`,
    });
  });

  it.each(INVISIBLE_ONLY)("refuses a name made only of %s", (_what, text) => {
    expect(check(text)).toMatchObject({
      ok: false,
      message: "Use at least one visible character: this name is made only of invisible ones.",
    });
  });

  it("refuses 10,000 characters with its own message", () => {
    expect(check("a".repeat(10_000))).toMatchObject({ ok: false, message: messages.tooLong });
    expect(check(`${"<script>".repeat(1250)}\u0000`)).toMatchObject({ ok: false, message: messages.tooLong });
  });

  it("says what is missing when the field is blank or not text at all", () => {
    for (const value of ["", "   ", "\n\t", null, undefined, 42, {}, ["a"]]) {
      const outcome = check(value);
      if (messages.missing === null && (value === undefined || (typeof value === "string" && value.trim() === ""))) {
        expect(outcome).toEqual({ ok: true, text: undefined });
      } else if (messages.missing !== null) {
        expect(outcome).toMatchObject({ ok: false, message: messages.missing });
      } else {
        // Optional link fields reach the schema only as strings or undefined (the action reads them with text()).
        expect(outcome.ok).toBe(false);
      }
    }
  });
});

describe("the link form's errors name the field", () => {
  it.each([
    ["displayName", { ...newLink, displayName: "a".repeat(10_000) }],
    ["displayName", { ...newLink, displayName: "x\u0000" }],
    ["username", { ...newLink, username: "User\u0000@bot" }],
    ["wikiUrl", { ...newLink, wikiUrl: `https://wiki.example/${"a".repeat(10_000)}` }],
  ])("%s", (field, input) => {
    const parsed = newLinkInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(firstIssue(parsed.error).field).toBe(field);
  });
});

describe("the wiki address of a new link", () => {
  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "<script>alert(1)</script>",
    "https://wiki.example\u0000.evil/",
    "\u202Ehttps://wiki.example/",
    "file:///etc/passwd",
  ])("refuses %j as not a web address, on the address field", (pasted) => {
    expect(newLinkInputSchema.safeParse({ ...newLink, wikiUrl: pasted }).success).toBe(true);
    let failure: ReturnType<typeof linkFailureFrom> | undefined;
    try {
      parsePastedUrl(pasted);
    } catch (error) {
      failure = linkFailureFrom(error);
    }
    expect(failure).toEqual({
      kind: "invalid",
      code: "bad_url",
      field: "wikiUrl",
      message: "That is not a web address. Paste the address of any page of the wiki, or of its api.php.",
    });
  });

  it("refuses credentials in the address with their own message, on the address field, never repeating them", () => {
    let failure: ReturnType<typeof linkFailureFrom> | undefined;
    try {
      parsePastedUrl("https://user:pass@wiki.example/");
    } catch (error) {
      failure = linkFailureFrom(error);
    }
    expect(failure).toMatchObject({ code: "credentials_in_url", field: "wikiUrl" });
    expect(failure!.message).not.toContain("pass@");
  });

  it("takes markup in a path as part of the address, escaped by the URL itself", () => {
    const parsed = parsePastedUrl('https://wiki.example/wiki/<script>alert("x")</script>');
    expect(parsed).toMatchObject({
      kind: "page",
      pageUrl: "https://wiki.example/wiki/%3Cscript%3Ealert(%22x%22)%3C/script%3E",
    });
  });

  it("keeps an internationalised domain as its punycode form", () => {
    expect(parsePastedUrl("https://wiki.bücher.example/w/api.php")).toEqual({
      kind: "api",
      apiUrl: "https://wiki.xn--bcher-kva.example/w/api.php",
    });
  });
});

describe("the page titles box, one title per line", () => {
  const invalidTitles = (code: string, message: string, values?: Record<string, number>) => ({
    ok: false,
    failure: { kind: "invalid", code, message, ...(values ? { values } : {}) },
  });

  it("keeps unicode and markup titles, skips blank lines", () => {
    expect(readPageTitleLines("Main Page\r\n\r\n  日本語  \n<script>alert(1)</script>\n")).toEqual({
      ok: true,
      value: ["Main Page", "日本語", "<script>alert(1)</script>"],
    });
  });

  it("names the line of a bad title", () => {
    expect(readPageTitleLines(`Main Page\n\n${"x".repeat(10_000)}`)).toEqual(
      invalidTitles("bad_title", "Line 3: A page title can be at most 512 characters."),
    );
    expect(readPageTitleLines("Main Page\rTalk:A\u0000B")).toEqual(
      invalidTitles("bad_title", "Line 2: A page title cannot contain control characters."),
    );
  });

  it("asks for a title when there is none, and refuses more than 500 at once", () => {
    expect(readPageTitleLines(" \n\n ")).toEqual(invalidTitles("no_titles", "Enter at least one page title."));
    expect(readPageTitleLines(Array.from({ length: 501 }, (_, i) => `Page ${i}`).join("\n"))).toEqual(
      invalidTitles("too_many_titles", "At most 500 pages at once.", { max: 500 }),
    );
  });
});
