/** Creating users, locking them, resetting passwords and granting or revoking roles. */
import type {
  TAddRoleRequest,
  TCreateUserRequest,
  TUpdateUserRequest,
  TUser,
} from '@core/schemas/auth.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { auditQueries } from '../audit/queries';
import { userQueries } from './queries';

/** Every change shows in the user list and in the audit trail. */
const useRefreshUsers = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: userQueries.all() }),
      queryClient.invalidateQueries({ queryKey: auditQueries.all() }),
    ]);
};

export const useCreateUserMutation = () => {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (body: TCreateUserRequest) => api.post<TUser>('/api/v1/users', body),
    onSuccess: refresh,
  });
};

export const useUpdateUserMutation = () => {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: TUpdateUserRequest }) =>
      api.patch<TUser>(`/api/v1/users/${userId}`, body),
    onSuccess: refresh,
  });
};

export const useResetPasswordMutation = () => {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ userId, password }: { userId: string; password: string }) =>
      api.post<TUser>(`/api/v1/users/${userId}/password-reset`, { password }),
    onSuccess: refresh,
  });
};

export const useAddRoleMutation = () => {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: TAddRoleRequest }) =>
      api.post<TUser>(`/api/v1/users/${userId}/roles`, body),
    onSuccess: refresh,
  });
};

export const useRemoveRoleMutation = () => {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ userId, roleId }: { userId: string; roleId: string }) =>
      api.delete(`/api/v1/users/${userId}/roles/${roleId}`),
    onSuccess: refresh,
  });
};
