import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** A user-visible string written into app/ instead of coming from a catalogue. */
export interface Untranslated {
  file: string;
  line: number;
  kind: "jsx text" | "jsx string" | "attribute" | "message" | "english failure";
  text: string;
}

/** Attributes people read or hear: the native ones, and our components' props named like them. */
const READ_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
  "summary",
]);
const READ_PROP = /(Label|Title|Text|Message|Heading|Hint)$|^(heading|submit|message|hint|confirm|legend)$/;
/** Properties people read: server actions' `{ ok, message }` and `{ error }`, page metadata, option lists. */
const MESSAGE_PROPERTIES = new Set(["message", "error", "title", "description", "label", "hint"]);

/**
 * Text that is the same in every language, and why: the product's name is a name; a string without letters
 * (`·`, `→`, `(`, `+`) is punctuation or a symbol and is never scanned at all.
 */
export const SAME_IN_EVERY_LANGUAGE: ReadonlyMap<string, string> = new Map([
  ["Watchdeck", "the product's name"],
  ["JSON", "a file format's name"],
]);

const SAME_WORDS = new RegExp(`\\b(${[...SAME_IN_EVERY_LANGUAGE.keys()].join("|")})\\b`, "g");
/** Whether a text has words to translate: letters left once the names that stay the same are taken out. */
const needsTranslation = (text: string) => /\p{L}/u.test(text.replace(SAME_WORDS, ""));

export function scanSource(file: string, source: string): Untranslated[] {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Untranslated[] = [];
  const report = (node: ts.Node, kind: Untranslated["kind"], raw: string) => {
    const text = raw.replace(/\s+/g, " ").trim();
    if (!needsTranslation(text)) return;
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, kind, text });
  };
  // The literal strings an expression can evaluate to: `a ? "x" : "y"`, `x ?? "y"`, `` `n ${a} rows` ``.
  const literalsOf = (expr: ts.Expression | undefined, kind: Untranslated["kind"]) => {
    if (!expr) return;
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) report(expr, kind, expr.text);
    else if (ts.isTemplateExpression(expr))
      report(expr, kind, [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].join(" "));
    else if (ts.isParenthesizedExpression(expr)) literalsOf(expr.expression, kind);
    else if (ts.isConditionalExpression(expr)) {
      literalsOf(expr.whenTrue, kind);
      literalsOf(expr.whenFalse, kind);
    } else if (ts.isBinaryExpression(expr) && isFallback(expr.operatorToken.kind)) {
      literalsOf(expr.left, kind);
      literalsOf(expr.right, kind);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, "jsx text", node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      literalsOf(node.expression, "jsx string");
    else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (READ_ATTRIBUTES.has(name) || READ_PROP.test(name)) {
        const init = node.initializer;
        if (init && ts.isStringLiteral(init)) report(init, "attribute", init.text);
        else if (init && ts.isJsxExpression(init)) literalsOf(init.expression, "attribute");
      }
    } else if (
      ts.isPropertyAssignment(node) &&
      MESSAGE_PROPERTIES.has(node.name.getText(sf)) &&
      !isFailureFallback(node, sf)
    )
      literalsOf(node.initializer, "message");
    else if (isEnglishFailureText(node)) report(node, "english failure", node.getText(sf));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * The `message` of a failure (an object with a literal `code` beside it): the English fallback of a failure that failureText
 * words by its code from the errors catalogue, whose test makes every language have it.
 */
function isFailureFallback(node: ts.PropertyAssignment, sf: ts.SourceFile): boolean {
  if (node.name.getText(sf) !== "message" || !ts.isObjectLiteralExpression(node.parent)) return false;
  return node.parent.properties.some(
    (p) => ts.isPropertyAssignment(p) && p.name.getText(sf) === "code" && ts.isStringLiteral(p.initializer),
  );
}

/**
 * `x.failure.message`, `failure.message` and `issues[0].message`: a failure's or a zod issue's English text. Shown as
 * it is, it is English on every page; failureMessage (app/i18n) words a failure by its code in the reader's language.
 */
function isEnglishFailureText(node: ts.Node): node is ts.PropertyAccessExpression {
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== "message") return false;
  const owner = ts.isNonNullExpression(node.expression) ? node.expression.expression : node.expression;
  if (ts.isIdentifier(owner)) return owner.text === "failure" || owner.text === "issue";
  if (ts.isPropertyAccessExpression(owner)) return owner.name.text === "failure";
  return ts.isElementAccessExpression(owner) && /\bissues$/.test(owner.expression.getText());
}

function isFallback(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.BarBarToken ||
    kind === ts.SyntaxKind.QuestionQuestionToken ||
    kind === ts.SyntaxKind.AmpersandAmpersandToken
  );
}

/**
 * Files scanned: every page, layout, component and server action under app/, and the route handlers under app/api/,
 * whose JSON `error` the pages show (the inline diff, "load more"). Tests are not shown to anyone; feed and export
 * routes elsewhere answer programs (XML, a file), not people reading a page.
 */
export function scannedFiles(appDir: string): string[] {
  const out: string[] = [];
  const api = path.join(appDir, "api");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        /\.tsx?$/.test(entry.name) &&
        !/\.(test|d)\.tsx?$/.test(entry.name) &&
        (!/^route\.ts$/.test(entry.name) || full.startsWith(`${api}${path.sep}`))
      ) {
        out.push(full);
      }
    }
  };
  walk(appDir);
  return out.sort();
}

export function scanApp(root: string): Untranslated[] {
  const appDir = path.join(root, "app");
  return scannedFiles(appDir).flatMap((full) =>
    scanSource(path.relative(root, full).split(path.sep).join("/"), readFileSync(full, "utf8")),
  );
}
