/**
 * The structure rules of the code base, checked on the sources themselves (scripts/import-graph.ts):
 * no runtime import cycle, and no module importing another module's repository.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildImportEdges,
  crossModuleRepositoryImports,
  describeCycles,
  findCycles,
  type ImportEdge,
  readImports,
  resolveImport,
  runtimeGraph,
} from './import-graph';

const graphOf = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('findCycles', () => {
  it('finds nothing in a graph without cycles', () => {
    expect(findCycles(graphOf({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('finds each cycle as one group, a self-import included, and leaves the rest out', () => {
    const graph = graphOf({
      a: ['b'],
      b: ['c'],
      c: ['a', 'd'],
      d: ['e'],
      e: ['d'],
      f: ['f'],
      g: ['a'],
    });
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f']]);
  });

  it('walks a long chain without overflowing the stack', () => {
    const size = 50_000;
    const graph = new Map<string, string[]>();
    for (let i = 0; i < size; i += 1) graph.set(`n${i}`, [`n${(i + 1) % size}`]);
    const cycles = findCycles(graph);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(size);
  });
});

describe('readImports and runtimeGraph', () => {
  const text = [
    "import type { A } from './types';",
    "import { type B, c } from './mixed';",
    "import './side-effect';",
    "export type { D } from './reexported-types';",
    "export { e } from './reexported';",
    "export * from './star';",
    "const lazy = () => import('./lazy');",
  ].join('\n');

  it('tells type-only declarations from runtime ones and ignores dynamic imports', () => {
    expect(readImports('x.ts', text)).toEqual([
      { specifier: './types', typeOnly: true },
      { specifier: './mixed', typeOnly: false },
      { specifier: './side-effect', typeOnly: false },
      { specifier: './reexported-types', typeOnly: true },
      { specifier: './reexported', typeOnly: false },
      { specifier: './star', typeOnly: false },
    ]);
  });

  it('keeps a cycle made only of type imports out of the runtime graph', () => {
    const edges: ImportEdge[] = [
      { from: 'a.ts', to: 'b.ts', typeOnly: false },
      { from: 'b.ts', to: 'a.ts', typeOnly: true },
    ];
    expect(findCycles(runtimeGraph(edges))).toEqual([]);
    expect(findCycles(runtimeGraph([{ ...edges[1]!, typeOnly: false }, edges[0]!]))).toEqual([
      ['a.ts', 'b.ts'],
    ]);
  });

  it('resolves relative paths, folders and the @core alias, and leaves packages out', () => {
    const files = new Set(['server/a/x.ts', 'server/b/index.ts', 'core/domain/y.ts', 'web/src/C.tsx']);
    const exists = (file: string) => files.has(file);
    expect(resolveImport('server/a/z.ts', './x', exists)).toBe('server/a/x.ts');
    expect(resolveImport('server/a/z.ts', '../b', exists)).toBe('server/b/index.ts');
    expect(resolveImport('server/a/z.ts', '@core/domain/y', exists)).toBe('core/domain/y.ts');
    expect(resolveImport('web/src/D.tsx', './C', exists)).toBe('web/src/C.tsx');
    expect(resolveImport('server/a/z.ts', 'drizzle-orm', exists)).toBeNull();
    expect(resolveImport('server/a/z.ts', './data.json', exists)).toBeNull();
  });

  it('lists a module file importing another module’s repository, type-only or not', () => {
    const edges: ImportEdge[] = [
      { from: 'server/modules/a/a.service.ts', to: 'server/modules/b/b.repository.ts', typeOnly: true },
      { from: 'server/modules/a/a.service.ts', to: 'server/modules/a/a.repository.ts', typeOnly: false },
      { from: 'server/modules/a/a.service.ts', to: 'server/modules/b/b.service.ts', typeOnly: false },
      { from: 'server/shared/s.ts', to: 'server/modules/b/b.repository.ts', typeOnly: false },
    ];
    expect(crossModuleRepositoryImports(edges)).toEqual([
      'server/modules/a/a.service.ts -> server/modules/b/b.repository.ts',
    ]);
  });
});

describe('the code base', () => {
  let edges: ImportEdge[];
  beforeAll(() => {
    edges = buildImportEdges();
  });

  it('reads the sources (sanity: the app imports its modules)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some(({ from, to }) => from === 'server/main.ts' && to === 'server/app.ts')).toBe(true);
  });

  it('has no runtime import cycle', () => {
    const cycles = findCycles(runtimeGraph(edges));
    expect(cycles, describeCycles(cycles)).toEqual([]);
  });

  it('has no cycle across modules or layers even counting type-only imports', () => {
    // A type cycle is harmless when the code runs, but one across modules ties their files into one knot
    // (it once held 39 files, through route.ts naming every service). Inside one module it is tolerated.
    const folderOf = (file: string) => /^server\/modules\/[^/]+\//.exec(file)?.[0] ?? file;
    const everyImport = runtimeGraph(edges.map((edge) => ({ ...edge, typeOnly: false })));
    const across = findCycles(everyImport).filter((cycle) => new Set(cycle.map(folderOf)).size > 1);
    expect(across, describeCycles(across)).toEqual([]);
  });

  it('has no module importing another module’s repository (shared reads live in server/shared)', () => {
    expect([...new Set(crossModuleRepositoryImports(edges))]).toEqual([]);
  });

  it('keeps the document tests off the database (`npm run test:pg` leaves server/documents out)', () => {
    const graph = runtimeGraph(edges);
    const reachesDatabase = (start: string) => {
      const seen = new Set([start]);
      for (const file of seen) for (const next of graph.get(file) ?? []) seen.add(next);
      return seen.has('server/db/client.ts');
    };
    const documentTests = [...graph.keys()].filter(
      (file) => file.startsWith('server/documents/') && file.endsWith('.test.ts'),
    );
    expect(documentTests.length).toBeGreaterThan(10);
    expect(documentTests.filter(reachesDatabase)).toEqual([]);
    // The check itself: a route test does reach the database.
    expect(reachesDatabase('server/modules/plan/plan.routes.test.ts')).toBe(true);
  });

  it('keeps core/ pure: it imports only core/', () => {
    const outward = edges.filter(({ from, to }) => from.startsWith('core/') && !to.startsWith('core/'));
    expect(outward.map(({ from, to }) => `${from} -> ${to}`)).toEqual([]);
  });

  it('keeps server/shared free of module imports (modules build on it, never the other way)', () => {
    // The actor and its roles (auth/access.ts, pure) are the one thing every layer names.
    const upward = edges.filter(
      ({ from, to }) =>
        from.startsWith('server/shared/') &&
        to.startsWith('server/modules/') &&
        to !== 'server/modules/auth/access.ts',
    );
    expect(upward.map(({ from, to }) => `${from} -> ${to}`)).toEqual([]);
  });
});
