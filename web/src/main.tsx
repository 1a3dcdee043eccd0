import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './app/fonts.css';
import './app/app.css';
import './app/i18n';
import { getCsrfToken } from './api/csrf';
import { App } from './app/App';

// Fetch the CSRF token early so the first form submit does not wait for it.
void getCsrfToken().catch(() => undefined);

const root = document.getElementById('root');
if (root === null) throw new Error('#root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
