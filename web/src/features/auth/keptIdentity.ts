/**
 * Who last signed in on this device (issue #14): a report seen online can be opened again offline
 * (reporting/seenReports.ts), and the app must then know whose copies to show without asking the server.
 * Kept in the browser's storage from GET /auth/me (never the CSRF token), replaced when someone else
 * signs in, removed on sign-out and when the server says the session is over.
 */
import type { TUser } from '@core/schemas/auth.schemas';
import { browserStorage, type DraftStorage } from '../reporting/keptDrafts';

const KEY = 'lo-trinh:signed-in-user';

/** The user last signed in on this device, or null (none, signed out, another format). */
export const readKeptIdentity = (storage: DraftStorage | null = browserStorage()): TUser | null => {
  try {
    const text = storage?.getItem(KEY);
    // A light check (no schema library on the first screen): what this module itself wrote.
    const parsed = text ? (JSON.parse(text) as Partial<TUser> | null) : null;
    return parsed &&
      typeof parsed.id === 'string' &&
      typeof parsed.displayName === 'string' &&
      Array.isArray(parsed.roles)
      ? (parsed as TUser)
      : null;
  } catch {
    return null;
  }
};

/** Keeps `user` as the one signed in on this device, or forgets it (null). */
export const keepIdentity = (user: TUser | null, storage: DraftStorage | null = browserStorage()) => {
  try {
    if (user) storage?.setItem(KEY, JSON.stringify(user));
    else storage?.removeItem(KEY);
  } catch {
    // Storage full or turned off: the app then only opens with a network.
  }
};
