import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** One import of a project file by another, both relative to the folder read (`src/`, `bench/`). */
export interface ImportEdge {
  from: string;
  to: string;
}

// Static `import … from "x"`, `import "x"`, `export … from "x"` and dynamic `import("x")`,
// type-only ones included: a type import is still a dependency between folders.
const SPECIFIER =
  /(?:^|[;\s}])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative import between the TypeScript files under `srcDir`. */
export function importEdges(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2];
      if (specifier === undefined || !specifier.startsWith(".")) continue;
      const target = resolve(dirname(file), specifier).replace(/\.js$/, ".ts");
      edges.push({ from: toPosix(relative(srcDir, file)), to: toPosix(relative(srcDir, target)) });
    }
  }
  return edges;
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

/** The top-level folder of a path under `src/`; a file directly in `src/` is its own unit. */
export function topLevel(path: string): string {
  const slash = path.indexOf("/");
  return slash === -1 ? path.replace(/\.ts$/, "") : path.slice(0, slash);
}

/**
 * Cycles between top-level folders: for each strongly connected group of folders, one
 * shortest cycle through it, written `a → b → a` with the file imports that make each step.
 */
export function folderCycles(edges: readonly ImportEdge[]): string[] {
  const why = new Map<string, string>();
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = topLevel(from);
    const b = topLevel(to);
    if (a === b) continue;
    if (!next.has(a)) next.set(a, new Set());
    next.get(a)!.add(b);
    if (!why.has(`${a}>${b}`)) why.set(`${a}>${b}`, `${from} imports ${to}`);
  }
  const reported = new Set<string>();
  const cycles: string[] = [];
  for (const start of [...next.keys()].sort()) {
    if (reported.has(start)) continue;
    const path = shortestPathBack(start, next);
    if (path === undefined) continue;
    for (const folder of path) reported.add(folder);
    const steps = path.map((folder, i) => {
      const to = path[(i + 1) % path.length]!;
      return `  ${why.get(`${folder}>${to}`)}`;
    });
    cycles.push([[...path, start].join(" → "), ...steps].join("\n"));
  }
  return cycles;
}

function shortestPathBack(start: string, next: Map<string, Set<string>>): string[] | undefined {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const folder = queue.shift()!;
    for (const to of [...(next.get(folder) ?? [])].sort()) {
      if (to === start) {
        const path = [folder];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (previous.has(to)) continue;
      previous.set(to, folder);
      queue.push(to);
    }
  }
  return undefined;
}
