import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './app/fonts.css';
import './app/app.css';
import { i18nReady } from './app/i18n';
import { getCsrfToken } from './api/csrf';
import { App } from './app/App';
import { queryClient } from './app/queryClient';
import { preloadCurrentPage } from './app/router';
import { prefetchMe } from './lib/session';

// Fetch the CSRF token early so the first form submit does not wait for it; the session and the
// current page's code too, so that they travel together rather than one after the other.
void getCsrfToken().catch(() => undefined);
prefetchMe(queryClient);
preloadCurrentPage(window.location, queryClient);

const root = document.getElementById('root');
if (root === null) throw new Error('#root element missing from index.html');

// The first render waits for the catalogue of the chosen language (at once for Italian). It is a
// transition, so React renders it in slices and a slow phone's main thread stays free to respond.
void i18nReady.then(() =>
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  ),
);
