/**
 * The standard catalog's version names its content: an edit of standard-indicators.json without a new
 * CATALOG_VERSION (and the digest recorded here for it) fails, so every export that carries the version
 * means one catalog.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_VERSION, STANDARD_CATALOG } from './standard-catalog';

/** The SHA-256 of standard-indicators.json for each released version. */
const DIGESTS: Record<string, string> = {
  '2026.1': 'd9c8ba6be0538ba8b291238be0cc784e86a7e8cdbe502c5eeb0690187585322d',
};

describe('catalog version', () => {
  it('should match the digest recorded for the current version', () => {
    const bytes = readFileSync(new URL('./standard-indicators.json', import.meta.url));
    expect(DIGESTS[CATALOG_VERSION], `no digest recorded for catalog ${CATALOG_VERSION}`).toBeDefined();
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(DIGESTS[CATALOG_VERSION]);
  });

  it('should give every entry its own code', () => {
    const codes = STANDARD_CATALOG.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
