import { readdirSync, readFileSync } from 'node:fs';
import { STANDARD_CATALOG } from '@core/catalog/standard-catalog';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CatalogEntry, CONFIDENT_MATCH, catalogDifference, matchCatalog } from './catalog-matcher';
import { cell as docCell } from './document-model';
import { importPlanFromDocument } from './import-plan';
import { foldOcr } from './structure';
import { planDocumentOf } from './test-documents';

// The catalog's aliases contain the seed plans' own names, so matching measured on the seeds is optimistic.
// These tests take the catalog's knowledge away and check that a mapping it can no longer make surely
// is never certain: a plan's indicator the catalog lacks must not be tagged with a neighbour's code.

const catalog: CatalogEntry[] = STANDARD_CATALOG;
/** A match that the importer would take for certain: above the bar and no word of its own. */
const certainMatch = (name: string, entries: readonly CatalogEntry[]) => {
  const match = matchCatalog(name, entries);
  return match && match.score >= CONFIDENT_MATCH && !catalogDifference(name, match.text) ? match : null;
};

describe('catalog mapping when the catalog lacks the indicator (hold-out)', () => {
  it('leave one out: a name or alias of an indicator taken out of the catalog maps for certain to another only when it is a shortened form of it', () => {
    let confidentElsewhere = 0;
    let certainElsewhere = 0;
    for (const entry of catalog) {
      const rest = catalog.filter((other) => other.code !== entry.code);
      for (const text of [entry.name, ...(entry.aliases ?? [])]) {
        const match = matchCatalog(text, rest);
        if (match && match.score >= CONFIDENT_MATCH) confidentElsewhere++;
        // Left: a name all of whose words the other text has (taken for a shortened form of it).
        const certain = certainMatch(text, rest);
        if (certain) {
          certainElsewhere++;
          const own = foldOcr(text)
            .split(' ')
            .filter((word) => !/^(ty|ti|le)$/.test(word) && !foldOcr(certain.text).split(' ').includes(word));
          expect(own, `${text} → ${certain.text}`).toEqual([]);
        }
      }
    }
    // The hold-out has teeth: without the word check, some names do reach another code above the bar.
    expect(confidentElsewhere).toBeGreaterThan(0);
    expect(certainElsewhere).toBeLessThan(confidentElsewhere / 10);
  });

  it('seed aliases held out: a seed name mapped for certain gets the code its own alias gives, else none', () => {
    const seeds = new URL('../../test/fixtures/seeds/', import.meta.url);
    const names: string[] = readdirSync(seeds)
      .filter((file) => file.endsWith('.gold.json'))
      .flatMap((file) =>
        (
          JSON.parse(readFileSync(new URL(file, seeds), 'utf8')) as { indicators: { name: string }[] }
        ).indicators.map((indicator) => indicator.name),
      );
    const seedNames = new Set(names.map(foldOcr));
    const heldOut = catalog.map((entry) => ({
      ...entry,
      aliases: (entry.aliases ?? []).filter((alias) => !seedNames.has(foldOcr(alias))),
    }));
    expect(heldOut.flatMap((e) => e.aliases).length).toBeLessThan(
      catalog.flatMap((e) => e.aliases ?? []).length,
    );
    for (const name of names) {
      const truth = matchCatalog(name);
      const held = certainMatch(name, heldOut);
      if (held) expect(held.code, name).toBe(truth?.code);
    }
  });

  it('a catalog name with words of another indicator put in is never given a certain catalog code', () => {
    const NEW_WORDS = [
      'trí tuệ nhân tạo',
      'an toàn thông tin',
      'kinh tế tuần hoàn',
      'bồi dưỡng chuyên sâu',
      'nông nghiệp thông minh',
    ];
    const entry = fc.constantFrom(...catalog.filter((e) => e.name.split(' ').length >= 5));
    fc.assert(
      fc.property(entry, fc.nat(), fc.constantFrom(...NEW_WORDS), (picked, at, words) => {
        const printed = picked.name.split(' ');
        // A word outside the note in parentheses (a note is left out of the comparison).
        const note = printed.findIndex((word) => word.includes('('));
        const outside = note >= 0 ? note : printed.length;
        fc.pre(outside > 2);
        // Words of another indicator: none of them in this one.
        fc.pre(
          foldOcr(words)
            .split(' ')
            .every((word) => !foldOcr(picked.name).split(' ').includes(word)),
        );
        const i = 2 + (at % (outside - 2));
        const name = [...printed.slice(0, i), words, ...printed.slice(i + 1)].join(' ');
        const draft = importPlanFromDocument(
          planDocumentOf('docx', [
            {
              kind: 'table',
              rows: [
                ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Năm 2026', 'Năm 2030', 'Cơ quan chủ trì'],
                ['1', name, '%', '50%', '80%', 'Phòng Kinh tế'],
              ].map((row) => row.map((text) => docCell(text))),
            },
          ]),
        );
        const indicator = draft.indicators[0];
        expect(indicator?.name).toBe(name);
        if (indicator?.catalogCode)
          expect(indicator.review?.confident, `${name} → ${indicator.catalogCode}`).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
