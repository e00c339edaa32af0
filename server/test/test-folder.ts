/**
 * Temporary folders for tests. Inside a vitest run they are made in the run's folder (server/test/
 * global-setup.ts), so the global teardown removes what a crashed or killed worker left behind; a test
 * still removes its own folder once it has read it for the last time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templateDir } from './test-templates';

export type TestFolder = {
  readonly path: string;
  /** Removes the folder and everything in it (nothing happens when it is already gone). */
  remove: () => void;
};

/** A new empty folder named `prefix` + random characters. */
export const createTestFolder = (prefix: string): TestFolder => {
  const path = mkdtempSync(join(templateDir() ?? tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
};
