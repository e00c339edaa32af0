/**
 * Who can be picked in the audit page's "Người thực hiện" filter. Administrators see every account they
 * manage (GET /users); everyone else may not list users, so the names come from the trail itself: the
 * people who changed something in their scope recently.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ADMIN_ROLES, hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { userQueries } from '../user/queries';
import { auditQueries } from './queries';

/** The most events the API returns at once: enough to name everyone active lately. */
const RECENT_EVENTS = 500;

export const usePersonOptions = () => {
  const { user } = useCurrentUser();
  const canListUsers = hasAnyRole(user, ADMIN_ROLES);
  const users = useQuery({ ...userQueries.list(), enabled: canListUsers });
  const recent = useQuery({ ...auditQueries.list({ limit: RECENT_EVENTS }), enabled: !canListUsers });

  return useMemo(() => {
    const people = new Map<string, string>();
    if (user) people.set(user.id, user.displayName);
    if (canListUsers) {
      for (const item of users.data ?? []) people.set(item.id, `${item.displayName} (${item.username})`);
    } else {
      for (const event of recent.data ?? []) {
        if (event.actorUserId && event.actorName) people.set(event.actorUserId, event.actorName);
      }
    }
    return {
      isLoading: canListUsers ? users.isLoading : recent.isLoading,
      options: [...people.entries()]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    };
  }, [user, canListUsers, users.data, users.isLoading, recent.data, recent.isLoading]);
};
