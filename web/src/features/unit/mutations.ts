/**
 * Unit changes. Plan details embed their locality's units, so they are refreshed as well.
 */
import type { TCreateUnitRequest, TUnit, TUpdateUnitRequest } from '@core/schemas/locality.schemas';
import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useRefreshingMutation } from '../../api/mutations';
import { planQueries } from '../plan/queries';
import { unitQueries } from './queries';

const refreshUnits = (queryClient: QueryClient, localityId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: unitQueries.byLocality(localityId).queryKey }),
    queryClient.invalidateQueries({ queryKey: planQueries.details() }),
  ]);

const useUnitMutation = <TVariables, TData>(
  localityId: string,
  mutationFn: (variables: TVariables) => Promise<TData>,
) => useRefreshingMutation(mutationFn, (queryClient: QueryClient) => refreshUnits(queryClient, localityId));

export const useCreateUnitMutation = (localityId: string) =>
  useUnitMutation(localityId, (body: TCreateUnitRequest) =>
    api.post<TUnit>(`/api/v1/localities/${localityId}/units`, body),
  );

export const useUpdateUnitMutation = (localityId: string) =>
  useUnitMutation(localityId, ({ unitId, body }: { unitId: string; body: TUpdateUnitRequest }) =>
    api.patch<TUnit>(`/api/v1/units/${unitId}`, body),
  );

export const useDeleteUnitMutation = (localityId: string) =>
  useUnitMutation(localityId, (unitId: string) => api.delete(`/api/v1/units/${unitId}`));
