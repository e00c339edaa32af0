/**
 * Pure helpers on an import draft, shared by the server (saving a draft) and the review screen: the unit
 * names a draft prints, and which existing unit of a locality each name most likely means.
 */
import { foldText, foldTokens } from '../domain/text';
import type { TImportedPlanDraft } from './import.schemas';

/** Every unit name the draft prints, with the first place it is printed ("indicators.3.lead"). */
export const unitNamesOfDraft = (draft: TImportedPlanDraft): Map<string, string> => {
  const names = new Map<string, string>();
  const add = (name: string | null, field: string) => {
    if (name && !names.has(name)) names.set(name, field);
  };
  add(draft.plan.standingAgency, 'plan.standingAgency');
  draft.indicators.forEach((indicator, index) => {
    add(indicator.lead, `indicators.${index}.lead`);
    for (const [position, name] of indicator.coordinating.entries())
      add(name, `indicators.${index}.coordinating.${position}`);
  });
  draft.tasks.forEach((task, index) => {
    add(task.lead, `tasks.${index}.lead`);
    for (const [position, name] of task.coordinating.entries())
      add(name, `tasks.${index}.coordinating.${position}`);
  });
  return names;
};

/** How many times each unit name is printed in the draft (lead, coordinating, standing agency). */
export const unitNameUseCounts = (draft: TImportedPlanDraft): Map<string, number> => {
  const counts = new Map<string, number>();
  const add = (name: string | null) => {
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  add(draft.plan.standingAgency);
  for (const row of [...draft.indicators, ...draft.tasks]) {
    add(row.lead);
    for (const name of row.coordinating) add(name);
  }
  return counts;
};

/** Printed names of outside partners (telecom companies, businesses): created as external units. */
export const EXTERNAL_UNIT_NAME = /^(các )?doanh nghiệp/i;

/** Words that say little about which unit is meant ("phòng", "các", "và"). */
const WEAK_TOKENS = new Set(['cac', 'va', 'cua', 'phong', 'ban', 'to', 'xa', 'phuong', 'tt', 'ubnd']);

/** Common abbreviations in plans, folded: "Trung tâm HCC" is "Trung tâm phục vụ hành chính công". */
const ABBREVIATIONS: Record<string, string> = {
  hcc: 'hanh chinh cong',
  cns: 'cong nghe so',
  cds: 'chuyen doi so',
  mttq: 'mat tran to quoc',
  vh: 'van hoa',
  xh: 'xa hoi',
  ca: 'cong an',
  hdnd: 'hoi dong nhan dan',
};

const expandedTokens = (name: string): string[] =>
  foldTokens(
    foldText(name)
      .split(' ')
      .map((token) => ABBREVIATIONS[token] ?? token)
      .join(' '),
  ).filter((token) => !WEAK_TOKENS.has(token));

/**
 * The existing unit a printed name most likely means: the same name ignoring accents, case and
 * punctuation, or else the unit sharing most of the name's meaningful words (at least 70 % of both).
 *
 * @param name - a unit name as printed in the draft
 * @param units - the units of the chosen locality
 * @returns the unit, or null when none is close enough (the reviewer then picks one or creates it)
 */
export const suggestUnit = <U extends { id: string; name: string }>(
  name: string,
  units: readonly U[],
): U | null => {
  const folded = foldText(name);
  const exact = units.find((unit) => foldText(unit.name) === folded);
  if (exact) return exact;
  const tokens = new Set(expandedTokens(name));
  if (tokens.size === 0) return null;
  let best: { unit: U; score: number } | null = null;
  for (const unit of units) {
    const other = new Set(expandedTokens(unit.name));
    if (other.size === 0) continue;
    const shared = [...tokens].filter((token) => other.has(token)).length;
    const score = Math.min(shared / tokens.size, shared / other.size);
    if (score >= 0.7 && (!best || score > best.score)) best = { unit, score };
  }
  return best?.unit ?? null;
};
