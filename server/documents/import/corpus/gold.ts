/**
 * The gold-label shape of a plan (`server/test/fixtures/seeds/SCHEMA.md`) and the seed gold files the
 * layout corpus renders. The corpus writes, beside every document, the gold that document must score
 * against: the seed's gold as the layout printed it (a Party letterhead changes the issuer, a task table
 * fills the cells a body text leaves empty, and so on).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type GoldTarget = {
  year: number;
  raw: string | null;
  op: string;
  value: number | number[] | null;
};

export type GoldIndicator = {
  code: string | null;
  group: string | null;
  name: string;
  unit: string | null;
  targets: GoldTarget[];
  baselineYear: number | null;
  lead: string | null;
  executor: string | null;
  coordinating: string[];
  leader: string | null;
  evidence: string | null;
};

export type GoldDeadline =
  | { kind: 'by'; date: string }
  | { kind: 'recurring'; every: 'year' | 'quarter' | 'month' }
  | { kind: 'ongoing' }
  | { kind: 'onRequest' }
  | { kind: 'schedule' };

export type GoldTask = {
  code: string | null;
  group: string | null;
  name: string;
  lead: string | null;
  coordinating: string[];
  leader: string | null;
  output: string | null;
  deadlineRaw: string | null;
  deadline: GoldDeadline | null;
};

export type GoldDocumentRef = { number: string | null; date: string | null; issuer: string | null };

export type GoldPlan = {
  number: string | null;
  issuer: string;
  issuerKind: 'government' | 'party';
  locality: { name: string; level: string; province: string | null };
  issuedDate: string | null;
  title: string;
  signer: { name: string | null; position: string | null };
  basis: GoldDocumentRef[];
  replaces: Array<{ number: string | null; date: string | null }>;
  standingAgency: string | null;
  reporting: Array<{ frequency: string; due: string | null; to: string | null }>;
};

export type Gold = {
  source: string;
  plan: GoldPlan;
  indicators: GoldIndicator[];
  tasks: GoldTask[];
  uncertain: string[];
};

/** The seed documents with a gold file, by the short id the corpus uses in file names. */
export const SEED_FILES: Readonly<Record<string, string>> = {
  '000': '000_bd3d5bbc84b55fc1',
  '002': '002_fd7da9144eb7c425',
  '004': '004_f65c0da7dbd96e8d',
};

/** Where the seed gold files live (the test fixtures' copies, never ../shared). */
export const SEEDS_DIR = resolve(import.meta.dirname, '../../../test/fixtures/seeds');

/** The project's scorer (`node score.mjs GOLD DRAFT`). */
export const SCORER_PATH = join(SEEDS_DIR, 'score.mjs');

/**
 * Reads a seed's gold file.
 *
 * @param seedId - a key of SEED_FILES ("000", "002", "004")
 */
export const loadSeedGold = (seedId: string): Gold => {
  const stem = SEED_FILES[seedId];
  if (!stem) throw new Error(`unknown seed ${seedId}; known: ${Object.keys(SEED_FILES).join(', ')}`);
  return JSON.parse(readFileSync(join(SEEDS_DIR, `${stem}.gold.json`), 'utf8')) as Gold;
};
