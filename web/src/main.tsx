// First: asks for the session, the page's chunk and its data before the rest of the entry is evaluated.
import { queryClient } from './firstScreen';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './styles.css';
import { AppProviders } from './AppProviders';
import { installAuthRedirects } from './authRedirects';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { router } from './routes';

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
