/**
 * The import graph of the TypeScript sources, for the architecture test (scripts/architecture.test.ts)
 * and for a quick look from the command line: `node --import tsx scripts/import-graph.ts` prints every
 * runtime import cycle and every import of another module's repository.
 *
 * Imports are read with the TypeScript parser (no type checking, so it takes a second or two). An edge is
 * `runtime` unless the whole declaration is type-only (`import type …`, `export type … from`): those vanish
 * when the code runs, so they cannot make a load-order cycle. `import { type A }` stays a runtime edge, as
 * `verbatimModuleSyntax` keeps such a declaration. Dynamic `import()` is lazy and is not an edge.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One import declaration of a file, resolved to a file of the project. */
export type ImportEdge = { from: string; to: string; typeOnly: boolean };

/** A directed graph: each node with the nodes it imports. */
export type Graph = ReadonlyMap<string, readonly string[]>;

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The folders whose sources make the graph (relative to the repository root). */
export const SOURCE_ROOTS = ['core', 'server', 'web/src', 'scripts'] as const;

const SOURCE_FILE = /\.(ts|tsx)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'migrations', 'fixtures']);

/** Every .ts/.tsx file under `roots` (declaration files and fixture folders aside), relative, with `/`. */
export const listSourceFiles = (root: string = REPO_ROOT, roots: readonly string[] = SOURCE_ROOTS) => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir)).sort()) {
      const relative = `${dir}/${name}`;
      if (statSync(path.join(root, relative)).isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) walk(relative);
      } else if (SOURCE_FILE.test(name) && !name.endsWith('.d.ts')) files.push(relative);
    }
  };
  for (const dir of roots) if (existsSync(path.join(root, dir))) walk(dir);
  return files;
};

/** The module specifiers a source text imports or re-exports, with whether the declaration is type-only. */
export const readImports = (fileName: string, text: string) => {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier))
      found.push({
        specifier: statement.moduleSpecifier.text,
        typeOnly: statement.importClause?.isTypeOnly ?? false,
      });
    else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    )
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly });
  }
  return found;
};

const CANDIDATE_SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/**
 * Resolves a specifier of `from` to a project file (relative path), or null for a package or a file
 * outside the sources (JSON, CSS, …). Knows relative paths and the `@core/*` alias of tsconfig.json.
 */
export const resolveImport = (from: string, specifier: string, exists: (file: string) => boolean) => {
  let base: string;
  if (specifier.startsWith('./') || specifier.startsWith('../'))
    base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else if (specifier.startsWith('@core/')) base = `core/${specifier.slice('@core/'.length)}`;
  else return null;
  for (const suffix of CANDIDATE_SUFFIXES) {
    const candidate = `${base}${suffix}`;
    if (SOURCE_FILE.test(candidate) && exists(candidate)) return candidate;
  }
  return null;
};

/** Every import edge between the project's source files. */
export const buildImportEdges = (root: string = REPO_ROOT): ImportEdge[] => {
  const files = listSourceFiles(root);
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const text = readFileSync(path.join(root, from), 'utf8');
    for (const { specifier, typeOnly } of readImports(from, text)) {
      const to = resolveImport(from, specifier, (file) => known.has(file));
      if (to) edges.push({ from, to, typeOnly });
    }
  }
  return edges;
};

/** The graph of the edges that exist when the code runs (type-only declarations left out). */
export const runtimeGraph = (edges: readonly ImportEdge[]): Graph => {
  const graph = new Map<string, string[]>();
  for (const { from, to, typeOnly } of edges) {
    if (!graph.has(from)) graph.set(from, []);
    if (!graph.has(to)) graph.set(to, []);
    if (!typeOnly) graph.get(from)!.push(to);
  }
  return graph;
};

/**
 * The cycles of a directed graph: its strongly connected components of more than one node, plus the
 * nodes that import themselves (Tarjan's algorithm, iterative so a deep graph cannot overflow the stack).
 * Each cycle is sorted, and the list is sorted by its first node, so the answer is stable.
 */
export const findCycles = (graph: Graph): string[][] => {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  const visit = (start: string) => {
    // Each frame: the node and the position of the next neighbour to look at.
    const frames: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    lowLink.set(start, counter);
    counter += 1;
    stack.push(start);
    onStack.add(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const neighbours = graph.get(frame.node) ?? [];
      if (frame.next < neighbours.length) {
        const neighbour = neighbours[frame.next]!;
        frame.next += 1;
        if (!index.has(neighbour)) {
          index.set(neighbour, counter);
          lowLink.set(neighbour, counter);
          counter += 1;
          stack.push(neighbour);
          onStack.add(neighbour);
          frames.push({ node: neighbour, next: 0 });
        } else if (onStack.has(neighbour))
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(neighbour)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      if (lowLink.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfLoop = neighbours.includes(frame.node);
      if (component.length > 1 || selfLoop) cycles.push(component.sort());
    }
  };

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
};

const MODULE_FILE = /^server\/modules\/([^/]+)\//;
const REPOSITORY_FILE = /^server\/modules\/([^/]+)\/[^/]+\.repository\.ts$/;

/**
 * Imports (type-only ones too) of a file of `server/modules/<A>/` from a repository of another module
 * `server/modules/<B>/*.repository.ts`: a module's repository is its own; others go through what it
 * exposes or through `server/shared/`.
 */
export const crossModuleRepositoryImports = (edges: readonly ImportEdge[]) =>
  edges
    .filter(({ from, to }) => {
      const importer = MODULE_FILE.exec(from)?.[1];
      const owner = REPOSITORY_FILE.exec(to)?.[1];
      return importer !== undefined && owner !== undefined && importer !== owner;
    })
    .map(({ from, to }) => `${from} -> ${to}`)
    .sort();

/** Lines that say which files make each cycle, for a test failure or the command line. */
export const describeCycles = (cycles: readonly string[][]) =>
  cycles.map((cycle, i) => `cycle ${i + 1} (${cycle.length} files):\n  ${cycle.join('\n  ')}`).join('\n');

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const edges = buildImportEdges();
  const cycles = findCycles(runtimeGraph(edges));
  const crossings = crossModuleRepositoryImports(edges);
  console.log(cycles.length ? describeCycles(cycles) : 'no runtime import cycle');
  console.log(`${crossings.length} imports of another module's repository`);
  for (const line of crossings) console.log(`  ${line}`);
}
