/**
 * Every Bootstrap Italia icon the app draws. The build ships a sprite with these symbols only
 * (web/build/icon-sprite.ts: 3 KB instead of the kit's 180-icon, 28 KB sprite); `<Icon name>` takes
 * only these names, so an icon missing here fails the typecheck rather than showing nothing.
 */
export const ICON_NAMES = [
  'bookmark',
  'burger',
  'calendar',
  'card',
  'chart-line',
  'chevron-left',
  'chevron-right',
  'close-big',
  'error',
  'files',
  'folder',
  'help-circle',
  'list',
  'logout',
  'mail',
  'note',
  'map-marker-circle',
  'pa',
  'search',
  'settings',
  'star-outline',
  'user',
] as const;

export type IconName = (typeof ICON_NAMES)[number];
