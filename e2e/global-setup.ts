/**
 * Browser tests' global setup: a folder for the run's demo template (e2e/support/app.ts), removed at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lo-trinh-e2e-template-'));
  process.env.LOTRINH_E2E_TEMPLATE = dir;
  return () => rm(dir, { recursive: true, force: true });
}
