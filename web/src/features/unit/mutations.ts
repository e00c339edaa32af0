/**
 * Unit changes. Plan details embed their locality's units, so they are refreshed as well.
 */
import type { TCreateUnitRequest, TUnit, TUpdateUnitRequest } from '@core/schemas/locality.schemas';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { planQueries } from '../plan/queries';
import { unitQueries } from './queries';

const refreshUnits = (queryClient: QueryClient, localityId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: unitQueries.byLocality(localityId).queryKey }),
    queryClient.invalidateQueries({ queryKey: planQueries.details() }),
  ]);

export const useCreateUnitMutation = (localityId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateUnitRequest) => api.post<TUnit>(`/api/v1/localities/${localityId}/units`, body),
    onSuccess: () => refreshUnits(queryClient, localityId),
  });
};

export const useUpdateUnitMutation = (localityId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, body }: { unitId: string; body: TUpdateUnitRequest }) =>
      api.patch<TUnit>(`/api/v1/units/${unitId}`, body),
    onSuccess: () => refreshUnits(queryClient, localityId),
  });
};

export const useDeleteUnitMutation = (localityId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (unitId: string) => api.delete(`/api/v1/units/${unitId}`),
    onSuccess: () => refreshUnits(queryClient, localityId),
  });
};
