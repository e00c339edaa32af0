/**
 * A table row that opens something when clicked, made reachable and usable with the keyboard: Tab stops
 * on it, Enter or Space opens it as a click does, it has a name saying what it opens, and it shows the
 * app's focus ring (`.clickable-row` in styles.css). Use it as Ant Design's `onRow`:
 *
 *   onRow={(row) => clickableRow(() => open(row), t('common.openRow', { name: row.name }))}
 */
import type { HTMLAttributes, KeyboardEvent } from 'react';

/**
 * Enter or Space on the row itself (not on a button or field inside it) does what a click does: the
 * same `click()`, so whatever else the table does on a row click (opening an expandable row) happens too.
 */
export const openOnKey = (event: KeyboardEvent<HTMLElement>): void => {
  if (event.target !== event.currentTarget) return;
  if (event.key !== 'Enter' && event.key !== ' ') return;
  // Space would scroll the page, Enter could submit a form around the table.
  event.preventDefault();
  event.currentTarget.click();
};

/**
 * The props of a row that opens something.
 *
 * @param onOpen - what a click, Enter or Space on the row does
 * @param label - the row's accessible name, saying what it opens ("Mở báo cáo của Trung tâm HCC, Năm 2026")
 * @returns `onRow` props: tabIndex 0, role "row" kept (the table stays a table for screen readers), the
 *   name, the key handling, the pointer cursor and the `clickable-row` class of the focus ring
 */
export const clickableRow = (onOpen: () => void, label: string): HTMLAttributes<HTMLElement> => ({
  onClick: onOpen,
  onKeyDown: openOnKey,
  tabIndex: 0,
  role: 'row',
  'aria-label': label,
  className: 'clickable-row',
  style: { cursor: 'pointer' },
});
