/**
 * Every Ant Design component the app imports is rendered by the build's style file (web/antdStyleFile.ts), so
 * that its styles come with the page rather than being made in the browser (issue #14). A component left out
 * still looks right, only slower: nothing else would notice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = new URL('.', import.meta.url).pathname;
const STYLE_FILE = readFileSync(new URL('../antdStyleFile.ts', import.meta.url), 'utf8');
/** Imports of antd that bring no component styles of their own. */
const UNSTYLED = new Set(['ConfigProvider', 'Grid', 'theme']);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });

/** The values (not types) a file imports from 'antd'. */
const antdImports = (text: string): string[] =>
  [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g)].flatMap((match) =>
    (match[1] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '' && !name.startsWith('type ')),
  );

describe('antd styles made at build time', () => {
  it('should render every antd component the app imports', () => {
    const imported = new Set(sourceFiles(SOURCE).flatMap((file) => antdImports(readFileSync(file, 'utf8'))));
    expect(imported.size).toBeGreaterThan(20);
    const missing = [...imported]
      .filter((name) => !UNSTYLED.has(name))
      .filter((name) => !STYLE_FILE.includes(`'${name}'`) && !STYLE_FILE.includes(`antd.${name}`));
    expect(missing).toEqual([]);
  });
});
