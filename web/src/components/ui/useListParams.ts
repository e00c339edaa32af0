import { type ChangeEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { pageNumberOf } from './pageNumber';

/**
 * The state of a paged, searched list kept in the URL (`q`, `page` and any filter): what it asks for, a
 * way to change it (a new search or filter starts again from the first page), and the props of its
 * search box (typed text kept until searched; clearing the box clears the search).
 */
export const useListParams = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const page = pageNumberOf(searchParams.get('page'));
  const [draftQuery, setDraftQuery] = useState(q);

  const updateParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setSearchParams(next, { replace: true });
  };

  return {
    q,
    page,
    /** A filter's value in the URL. */
    param: (name: string): string | undefined => searchParams.get(name) ?? undefined,
    updateParams,
    /** Opens a page of the list (the first page leaves the URL without one). */
    goToPage: (next: number) => updateParams({ page: next > 1 ? String(next) : undefined }),
    searchProps: {
      value: draftQuery,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setDraftQuery(event.target.value);
        if (!event.target.value) updateParams({ q: undefined });
      },
      onSearch: (value: string) => updateParams({ q: value.trim() || undefined }),
    },
  };
};
