/**
 * The personal link's calls: no session, the token in the x-survey-link header (never in the
 * address: the page reads it from the fragment and keeps it in this tab's sessionStorage).
 */
import { api, unwrap } from '../../../../api/client';
import type { SaveBody } from '../types';

const LINK_HEADER = 'x-survey-link';
const STORE = 'incas.survey-link';

export function readLinkToken(): string | null {
  try {
    const hash = window.location.hash.replace(/^#/, '');
    if (hash) {
      sessionStorage.setItem(STORE, hash);
      // the token leaves the address bar (and the history) at once
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      return hash;
    }
    return sessionStorage.getItem(STORE);
  } catch {
    return null;
  }
}

const headers = (token: string) => ({ [LINK_HEADER]: token });

export const linkApi = {
  get: (token: string) => unwrap(api.GET('/api/v1/surveys/link/response', { headers: headers(token) })),
  save: (token: string, body: SaveBody) =>
    unwrap(api.PATCH('/api/v1/surveys/link/response/answers', { headers: headers(token), body })),
  submit: (token: string, declaration: boolean) =>
    unwrap(api.POST('/api/v1/surveys/link/response/submit', { headers: headers(token), body: { declaration } })),
  /** The PDF as a file to save (the header cannot ride on a plain link). */
  async pdf(token: string): Promise<Blob> {
    const res = await fetch('/api/v1/surveys/link/response/pdf', { headers: headers(token) });
    if (!res.ok) throw new Error(`PDF ${res.status}`);
    return res.blob();
  },
};
