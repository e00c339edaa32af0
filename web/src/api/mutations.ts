/** The shape of most changes: send one request, then refresh what it touched. */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A change that refreshes the queries it touched once the server accepted it. The mutation settles only
 * when `refresh` has, so a form that closes on success shows fresh data.
 */
export const useRefreshingMutation = <TVariables, TData>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  refresh: (queryClient: QueryClient) => Promise<unknown>,
) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => refresh(queryClient) });
};
