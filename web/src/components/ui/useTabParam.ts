/**
 * The open tab of a page, kept in the address (?tab=tasks): a link to a tab opens it after a reload, and
 * switching tabs adds a history entry, so the browser's Back returns to the tab before.
 */
import { useSearchParams } from 'react-router';

/** How the page changes tab. */
export type TabSwitch<T extends string> = (
  tab: T,
  options?: {
    /** Replace the history entry instead of adding one: a switch the person did not ask for. */
    replace?: boolean;
    /** Other parameters that belong to the tab left (e.g. a highlighted row), removed on the switch. */
    drop?: readonly string[];
  },
) => void;

/**
 * The tab named by `?tab=`, or the default one when the address names none or one the page lacks.
 *
 * @param tabs - the page's tabs
 * @param fallback - the tab opened when the address does not name one of `tabs`
 * @returns the open tab and the function that opens another
 */
export const useTabParam = <T extends string>(tabs: readonly T[], fallback: T): [T, TabSwitch<T>] => {
  const [searchParams, setSearchParams] = useSearchParams();
  const param = searchParams.get('tab');
  const active = tabs.find((tab) => tab === param) ?? fallback;
  const open: TabSwitch<T> = (tab, options = {}) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('tab', tab);
        for (const name of options.drop ?? []) next.delete(name);
        return next;
      },
      { replace: options.replace ?? false },
    );
  return [active, open];
};
