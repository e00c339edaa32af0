/**
 * Who can be picked in the audit page's "Người thực hiện" filter. Administrators search the accounts
 * they manage on the server (GET /users?q=, the first page when nothing is typed); everyone else may not
 * list users, so the names come from the trail itself: the people who changed something in their scope
 * recently (filtered here, as they are few).
 */
import { foldText, matchesFolded } from '@core/domain/text';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useDebouncedValue } from '../../components/ui/useDebouncedValue';
import { ADMIN_ROLES, hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { userQueries } from '../user/queries';
import { auditQueries } from './queries';

/** The most events the API returns at once: enough to name everyone active lately. */
const RECENT_EVENTS = 500;
/** Accounts offered at a time; typing narrows them. */
const PEOPLE_PAGE = 50;

/**
 * @param search - what the person typed in the filter
 * @param selectedId - the person chosen, whose name stays shown when the page no longer holds them
 */
export const usePersonOptions = (search: string, selectedId?: string) => {
  const { user } = useCurrentUser();
  const canListUsers = hasAnyRole(user, ADMIN_ROLES);
  const q = useDebouncedValue(search.trim(), 300);
  const users = useQuery({
    ...userQueries.page({ q: q || undefined, limit: PEOPLE_PAGE }),
    enabled: canListUsers,
  });
  const recent = useQuery({ ...auditQueries.list({ limit: RECENT_EVENTS }), enabled: !canListUsers });
  const seen = useRef(new Map<string, string>());

  return useMemo(() => {
    const people = new Map<string, string>();
    if (user && (canListUsers || !q || matchesFolded(user.displayName, q)))
      people.set(user.id, user.displayName);
    if (canListUsers) {
      for (const item of users.data?.data ?? [])
        people.set(item.id, `${item.displayName} (${item.username})`);
    } else {
      for (const event of recent.data ?? []) {
        if (event.actorUserId && event.actorName && (!q || matchesFolded(event.actorName, q)))
          people.set(event.actorUserId, event.actorName);
      }
    }
    for (const [id, label] of people) seen.current.set(id, label);
    const chosen = selectedId ? seen.current.get(selectedId) : undefined;
    if (selectedId && chosen && !people.has(selectedId)) people.set(selectedId, chosen);
    return {
      isLoading: canListUsers ? users.isFetching : recent.isLoading,
      isSearching: search.trim() !== q,
      options: [...people.entries()]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => foldText(a.label).localeCompare(foldText(b.label), 'vi')),
    };
  }, [
    user,
    canListUsers,
    users.data,
    users.isFetching,
    recent.data,
    recent.isLoading,
    q,
    search,
    selectedId,
  ]);
};
