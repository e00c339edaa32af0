import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { api, errorMessage } from '../../api/client';

/**
 * Revoking one of a locality's keys (an API key, a registered signing key): once the server agrees, the
 * card says so and reloads its list; a refusal goes to the card's alert.
 */
export const useKeyRevocation = ({
  path,
  revokedText,
  refresh,
  onProblem,
}: {
  /** POST here revokes the key of that id. */
  path: (id: string) => string;
  revokedText: string;
  refresh: () => Promise<unknown>;
  onProblem: (text: string) => void;
}) => {
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(path(id)),
    onSuccess: async () => {
      message.success(revokedText);
      await refresh();
    },
    onError: (error) => onProblem(errorMessage(error)),
  });
};
