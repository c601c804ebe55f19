/*
 * First-load JavaScript of every page from the `next build` output: the root main files every page
 * loads, plus the entry chunks of the page and its layouts from the page's client reference
 * manifest (Next 16 with Turbopack no longer prints sizes in its route table). Also says which pages
 * load chart.js, recognised by a method name that minification keeps.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

export type PageScripts = { route: string; files: number; raw: number; gzip: number; chartJs: boolean };

const CHART_JS_MARKER = "_getSortedDatasetMetas";

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

function clientManifest(nextDir: string, page: string): ClientManifest {
  const file = path.join(nextDir, "server", "app", `${page}_client-reference-manifest.js`);
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, ClientManifest> } };
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  return sandbox.globalThis.__RSC_MANIFEST?.[page] ?? {};
}

export function firstLoadJs(nextDir = ".next"): PageScripts[] {
  const build = JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const routes = JSON.parse(fs.readFileSync(path.join(nextDir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const sizes = new Map<string, { raw: number; gzip: number; chartJs: boolean }>();
  const measure = (file: string) => {
    if (!sizes.has(file)) {
      const body = fs.readFileSync(path.join(nextDir, file));
      sizes.set(file, { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length, chartJs: body.includes(CHART_JS_MARKER) });
    }
    return sizes.get(file)!;
  };
  return Object.entries(routes)
    .filter(([page]) => page.endsWith("/page") && !page.startsWith("/_"))
    .map(([page, route]) => {
      const entries = Object.values(clientManifest(nextDir, page).entryJSFiles ?? {}).flat();
      const files = [...new Set([...build.rootMainFiles, ...entries])];
      const measured = files.map(measure);
      return {
        route,
        files: files.length,
        raw: measured.reduce((a, s) => a + s.raw, 0),
        gzip: measured.reduce((a, s) => a + s.gzip, 0),
        chartJs: measured.some((s) => s.chartJs),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
