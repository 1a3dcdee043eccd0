/**
 * The web side of the module kit: what a feature contributes to the shell, declared in its
 * `index.ts` and listed once in `app/features.ts`. The router and the menu are built from the
 * list, so adding a feature touches its own folder plus one line there.
 */
import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { PermissionName } from './permissions';

export interface FeaturePage {
  /** Path under the site root, without the leading slash ('casi/:caseId'). */
  path: string;
  page: ComponentType;
  /** Any one of these lets the page open; others see the "not allowed" page. Absent: any logged-in user. */
  permission?: PermissionName | readonly PermissionName[];
  /**
   * Asks for the page's main data when the app starts on this page, together with the session and
   * the page's code (one round trip sooner on a phone). Only for data the page always shows; a
   * caller without the permission gets the "not allowed" page anyway.
   */
  prefetch?: (queryClient: QueryClient, params: URLSearchParams) => void;
}

export interface FeatureMenuItem {
  to: string;
  /** Key of the label in the i18n catalogues. */
  labelKey: string;
  permission?: PermissionName | readonly PermissionName[];
}

export interface FeatureDefinition {
  name: string;
  /** Pages anyone can open (login, legal notes). */
  publicPages?: readonly FeaturePage[];
  /** Pages behind the login. */
  pages?: readonly FeaturePage[];
  /** Entries of the main menu, in order; shown only with the permission. */
  menu?: readonly FeatureMenuItem[];
}
