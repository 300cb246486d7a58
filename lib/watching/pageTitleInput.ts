import { singleLineText } from "@/lib/forms/singleLineText";
import { type Failure, fail, ok, type Result } from "@/lib/result";

/**
 * A page title typed or picked on the watching screens. Whether it names a page
 * (no "#", "<", "[" …, the namespace exists) is the wiki's to say: it answers
 * with its own reason, which the screens show.
 */
export const pageTitleSchema = singleLineText(512, {
  missing: "Enter a page title.",
  tooLong: "A page title can be at most 512 characters.",
  notText: "A page title cannot contain control characters.",
});

export const MAX_TITLES_AT_ONCE = 500;

/** The "one title per line" field: blank lines skipped, a bad line named by its number. */
export function readPageTitleLines(text: string): Result<string[], Failure<"invalid">> {
  const titles: string[] = [];
  for (const [index, line] of text.split(/\r\n|\r|\n/).entries()) {
    if (line.trim() === "") continue;
    const title = pageTitleSchema.safeParse(line);
    if (!title.success) return fail("invalid", "bad_title", `Line ${index + 1}: ${title.error.issues[0]!.message}`);
    titles.push(title.data);
  }
  if (titles.length === 0) return fail("invalid", "no_titles", "Enter at least one page title.");
  if (titles.length > MAX_TITLES_AT_ONCE)
    return fail("invalid", "too_many_titles", `At most ${MAX_TITLES_AT_ONCE} pages at once.`, {
      values: { max: MAX_TITLES_AT_ONCE },
    });
  return ok(titles);
}
