/**
 * axe-core in a page: the WCAG 2.0/2.1 level A and AA rules, and a readable list of what failed (rule,
 * impact, help text and the elements with axe's own explanation) for the test's failure message.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser bundle, found as Node finds the package (the dev dependency). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 AA tags axe-core checks here; no rule is switched off. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** One violation as axe-core reports it, cut to what a reader needs. */
export type AxeFinding = {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; html: string; summary: string }>;
};

/**
 * Runs axe-core on the whole document with the WCAG 2.1 AA tags.
 *
 * @returns the violations, empty when the page passes
 */
export const axeViolations = async (page: Page): Promise<AxeFinding[]> => {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async (tags) => {
      type AxeResult = {
        violations: Array<{
          id: string;
          impact: string | null;
          help: string;
          nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
        }>;
      };
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResult> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({
          target: node.target.map(String).join(' '),
          html: node.html.slice(0, 160),
          summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240),
        })),
      }));
    },
    [...WCAG_21_AA_TAGS],
  );
};

const MAX_NODES = 5;

/** The violations as text, one rule a paragraph and one element a line (empty string when none). */
export const describeViolations = (where: string, violations: readonly AxeFinding[]): string =>
  violations
    .map((violation) =>
      [
        `${where}: ${violation.id} (${violation.impact ?? 'n/a'}) — ${violation.help}`,
        ...violation.nodes
          .slice(0, MAX_NODES)
          .map((node) => `  • ${node.target}\n    ${node.html}\n    ${node.summary}`),
        ...(violation.nodes.length > MAX_NODES
          ? [`  … and ${violation.nodes.length - MAX_NODES} more elements`]
          : []),
      ].join('\n'),
    )
    .join('\n');
