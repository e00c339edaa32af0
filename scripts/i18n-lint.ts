/**
 * The i18n lint: every text a person reads in the web app comes from the dictionaries, in both
 * languages. It finds
 * - keys used in `t('…')` that the Vietnamese or the English dictionary lacks (the screen would show
 *   "history.entityTypes.unit_report"), and dynamic keys (`t(\`roles.${role}\`)`) whose prefix is in neither;
 * - keys present in one language and not the other;
 * - text written straight into JSX (`<Button>Lưu</Button>`, `placeholder="Search"`) instead of `t(…)`.
 * Pure functions over source text, so that a test can prove each check fails on a fixture; the test
 * `scripts/i18n-lint.test.ts` runs them over `web/src`.
 */
import ts from 'typescript';

/** A problem found, with where it is. */
export type LintProblem = { file: string; line: number; message: string };

/** i18next's plural forms: `count_one` and `count_other` are one key, `count`, in each language. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/**
 * The leaf keys of a dictionary, dotted ("history.entityTypes.unit_report"), plural forms folded into
 * their base key.
 *
 * @param dictionary - a nested object of strings
 * @returns the set of keys
 */
export const flattenKeys = (dictionary: unknown, prefix = ''): Set<string> => {
  const keys = new Set<string>();
  if (typeof dictionary !== 'object' || dictionary === null) return keys;
  for (const [name, value] of Object.entries(dictionary)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') keys.add(key.replace(PLURAL_SUFFIX, ''));
    else for (const nested of flattenKeys(value, key)) keys.add(nested);
  }
  return keys;
};

/**
 * Keys that one language has and the other lacks.
 *
 * @returns "en lacks vi's key x.y" lines, sorted
 */
export const compareLanguages = (vi: Set<string>, en: Set<string>): string[] =>
  [
    ...[...vi].filter((key) => !en.has(key)).map((key) => `en thiếu khóa "${key}" có trong vi`),
    ...[...en].filter((key) => !vi.has(key)).map((key) => `vi thiếu khóa "${key}" có trong en`),
  ].sort();

const lineOf = (source: ts.SourceFile, position: number) =>
  source.getLineAndCharacterOfPosition(position).line + 1;

/** The first argument of a `t(…)` / `i18n.t(…)` call: a fixed key, or the fixed start of a template. */
const keyOfCall = (call: ts.CallExpression): { key: string; dynamic: boolean } | null => {
  const callee = call.expression;
  const isT =
    (ts.isIdentifier(callee) && callee.text === 't') ||
    (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
  const [first] = call.arguments;
  if (!isT || !first) return null;
  if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) {
    return { key: first.text, dynamic: false };
  }
  if (ts.isTemplateExpression(first)) return { key: first.head.text, dynamic: true };
  return null;
};

/**
 * Keys used in one source file that the dictionaries lack: a fixed key must be a leaf (or a plural
 * base) in each language; a template key's fixed start must begin some key.
 *
 * @param file - the file's name, for the report
 * @param text - its source
 * @param languages - each language's keys
 */
export const missingKeys = (
  file: string,
  text: string,
  languages: Record<string, Set<string>>,
): LintProblem[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const problems: LintProblem[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const used = keyOfCall(node);
      // A key must look like one ("a.b"): t('Some text') is caught as hard-coded text elsewhere.
      if (used && /^[A-Za-z][\w-]*\./.test(used.key)) {
        for (const [language, keys] of Object.entries(languages)) {
          const known = used.dynamic
            ? [...keys].some((key) => key.startsWith(used.key))
            : keys.has(used.key.replace(PLURAL_SUFFIX, ''));
          if (!known) {
            problems.push({
              file,
              line: lineOf(source, node.getStart()),
              message: `${language} thiếu khóa "${used.key}${used.dynamic ? '…' : ''}"`,
            });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
};

/** Attributes whose text a person reads or hears. */
const VISIBLE_ATTRIBUTES = new Set([
  'title',
  'label',
  'placeholder',
  'alt',
  'aria-label',
  'aria-description',
  'description',
  'message',
  'tooltip',
  'content',
  'okText',
  'cancelText',
  'emptyText',
  'addonBefore',
  'addonAfter',
  'extra',
  'help',
  'subTitle',
]);

/** Names that read the same in every language: file formats and products, not words to translate. */
const SAME_IN_EVERY_LANGUAGE = new Set(['PDF', 'Word', 'Excel', 'DOCX', 'XLSX', 'CSV', 'JSON', 'ZIP', 'API']);

/**
 * Text is words when it has two letters in a row (so "·", "—", "%", "x2" and ":" are not) and is not
 * a name that every language writes alike.
 */
const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text.trim());

/**
 * Text written straight into JSX that a person reads: text between tags, a visible attribute given as a
 * string, a string literal as a child (`{'Lưu'}`). Class names, keys, ids and routes are not visible.
 *
 * @param file - the file's name, for the report
 * @param text - its source (TSX)
 */
export const hardCodedText = (file: string, text: string): LintProblem[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const problems: LintProblem[] = [];
  const report = (node: ts.Node, found: string) =>
    problems.push({
      file,
      line: lineOf(source, node.getStart()),
      message: `chữ viết thẳng trong giao diện, hãy dùng t(…): "${found.trim().slice(0, 60)}"`,
    });
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const literal =
        value && ts.isStringLiteral(value)
          ? value
          : value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteral(value.expression)
            ? value.expression
            : null;
      if (literal && hasWords(literal.text)) report(node, literal.text);
    }
    if (
      ts.isJsxExpression(node) &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) &&
      node.expression &&
      (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression)) &&
      hasWords(node.expression.text)
    ) {
      report(node, node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
};

/** "file:line message", one a line, for a failing test's report. */
export const formatProblems = (problems: LintProblem[]): string =>
  problems.map((problem) => `${problem.file}:${problem.line} ${problem.message}`).join('\n');
