/**
 * The page number a URL's `page` parameter asks for: a whole number from 1, else the first page (a hand
 * edited or stale link shows the first page rather than an error).
 */
export const pageNumberOf = (value: string | null): number => {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
};
