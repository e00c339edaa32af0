/**
 * The i18n lint over the web app (issue #14): no key missing from a dictionary, the two languages with
 * the same keys, no text written straight into JSX. The checker itself is tested on small fixtures
 * first, so a passing run means something.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../web/src/i18n/en';
import { vi } from '../web/src/i18n/vi';
import { compareLanguages, flattenKeys, formatProblems, hardCodedText, missingKeys } from './i18n-lint';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'web/src');

/** The web app's source files, without tests and without the dictionaries themselves. */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith('/i18n') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

describe('the i18n checker', () => {
  const keys = {
    vi: flattenKeys({ a: { b: 'B', items_one: '1', items_other: 'n' } }),
    en: flattenKeys({ a: { b: 'B' } }),
  };

  it('should fail on a key missing from a dictionary, and pass on a present one', () => {
    // "$" + "{" spells a template placeholder inside the fixture's source, not in this file's strings.
    const fixture = "const x = t('a.b'); const y = t('a.missing'); const z = i18n.t(`a.$" + '{kind}`);';
    const problems = missingKeys('fixture.tsx', fixture, keys);
    expect(problems.map((problem) => problem.message)).toEqual([
      'vi thiếu khóa "a.missing"',
      'en thiếu khóa "a.missing"',
    ]);
    expect(missingKeys('f.ts', 't(`z.$' + '{kind}`)', keys).map((problem) => problem.message)).toEqual([
      'vi thiếu khóa "z.…"',
      'en thiếu khóa "z.…"',
    ]);
    // A plural form is its base key.
    expect(missingKeys('f.ts', "t('a.items', { count: 2 })", { vi: keys.vi })).toEqual([]);
  });

  it('should fail on keys present in one language only', () => {
    expect(compareLanguages(keys.vi, keys.en)).toEqual(['en thiếu khóa "a.items" có trong vi']);
    expect(compareLanguages(keys.vi, keys.vi)).toEqual([]);
  });

  it('should fail on text written straight into JSX, and pass on t(…)', () => {
    const fixture = [
      'const A = () => (',
      '  <div title="Tiêu đề" className="row-wide">',
      '    <Button aria-label={t("x.y")}>Lưu lại</Button>',
      "    <span>{'Save'}</span>",
      '    <Input placeholder={"Tìm kiếm"} />',
      '    <span>{t("a.b")} · 3 — %</span>',
      '    <Button>PDF</Button>',
      '  </div>',
      ');',
    ].join('\n');
    const problems = hardCodedText('fixture.tsx', fixture);
    expect(problems.map((problem) => problem.line)).toEqual([2, 3, 4, 5]);
    expect(problems[1]!.message).toContain('"Lưu lại"');
  });
});

describe('the web app', () => {
  const files = sourceFiles(WEB);
  const languages = { vi: flattenKeys(vi), en: flattenKeys(en) };
  const relativeTo = (problems: ReturnType<typeof missingKeys>) =>
    problems.map((problem) => ({ ...problem, file: relative(ROOT, problem.file) }));

  it('should be checked over many files (the walk finds the source)', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('should have the same keys in Vietnamese and English', () => {
    expect(compareLanguages(languages.vi, languages.en)).toEqual([]);
  });

  it('should use only keys that both dictionaries have', () => {
    const problems = relativeTo(
      files.flatMap((file) => missingKeys(file, readFileSync(file, 'utf8'), languages)),
    );
    expect(formatProblems(problems)).toBe('');
  });

  it('should have no text written straight into JSX', () => {
    const problems = relativeTo(
      files
        .filter((file) => file.endsWith('.tsx'))
        .flatMap((file) => hardCodedText(file, readFileSync(file, 'utf8'))),
    );
    expect(formatProblems(problems)).toBe('');
  });
});
