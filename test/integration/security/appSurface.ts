import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(relative) : [relative];
  });
}

/** Every page of the app, as its file: `app/(app)/wikis/[id]/page.tsx`. */
export function pageFiles(): string[] {
  return filesUnder("app")
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .sort();
}

/** Every route handler and HTTP method it exports: `GET app/api/timeline/route.ts`. */
export function routeHandlers(): string[] {
  return filesUnder("app")
    .filter((f) => /\/route\.(ts|js)$/.test(f))
    .flatMap((file) => {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      const exported = METHODS.filter((m) =>
        new RegExp(`export\\s+(async\\s+)?(function\\s+${m}\\b|const\\s+${m}\\b)|export\\s*\\{[^}]*\\b${m}\\b`).test(
          source,
        ),
      );
      return exported.map((m) => `${m} ${file}`);
    })
    .sort();
}

/** Every exported function of every `"use server"` module, in app/ and lib/: `app/(app)/feeds/actions.ts#createFeedAction`. */
export function serverActions(): string[] {
  return [...filesUnder("app"), ...filesUnder("lib")]
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .flatMap((file) => {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      if (!/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source)) return [];
      return [...source.matchAll(/export\s+(?:async\s+)?(?:function\s+|const\s+)([A-Za-z0-9_$]+)/g)].map(
        (m) => `${file}#${m[1]}`,
      );
    })
    .sort();
}

/** Next's own entries of a build, and the app icon (a static file): nobody's data behind them. */
const BUILT_IN = new Set(["/_not-found/page", "/_global-error/page", "/icon.svg/route"]);

/** Every page and route file the build made, as its source file without extension: `app/(app)/wikis/[id]/page`. */
export function builtPagesAndRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/app-paths-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  return Object.keys(manifest)
    .filter((entry) => !BUILT_IN.has(entry))
    .map((entry) => `app${entry}`)
    .sort();
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

/** The action ids of the current build, by `file#export`, with a page each is mounted on. */
export function actionIds(): Map<string, { id: string; worker: string }> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const ids = new Map<string, { id: string; worker: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    ids.set(`${entry.filename}#${entry.exportedName}`, { id, worker: Object.keys(entry.workers)[0]! });
  }
  return ids;
}
