import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `delayMs` (what a search box sends the server: one
 * request when the person pauses, not one per key).
 */
export const useDebouncedValue = <T>(value: T, delayMs = 300): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
};
