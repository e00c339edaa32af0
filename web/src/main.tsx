import './i18n';
import { onlineManager } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './styles.css';
import { AppProviders, createQueryClient } from './AppProviders';
import { installAuthRedirects } from './authRedirects';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { router } from './routes';

const queryClient = createQueryClient();
// The query cache assumes a network until told otherwise: a page opened offline (the service worker gives
// the app) then waits for the connection and loads by itself, instead of failing.
onlineManager.setOnline(navigator.onLine);
installAuthRedirects(queryClient);
registerServiceWorker();

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html');

createRoot(container).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
