import spriteUrl from 'virtual:incas-icon-sprite';
import type { IconName } from './icons';

interface IconProps {
  /** Symbol name without the `it-` prefix, e.g. "search" (the names the build ships: icons.ts). */
  name: IconName;
  className?: string;
  /** Only for icons that carry meaning on their own; decorative icons stay hidden. */
  title?: string;
}

/** A Bootstrap Italia sprite icon. Decorative by default: the text next to it carries the meaning. */
export function Icon({ name, className, title }: IconProps) {
  const classes = ['icon', className].filter(Boolean).join(' ');
  if (title !== undefined) {
    return (
      <svg className={classes} role="img" aria-label={title} focusable="false">
        <use href={`${spriteUrl}#it-${name}`} />
      </svg>
    );
  }
  return (
    <svg className={classes} aria-hidden="true" focusable="false">
      <use href={`${spriteUrl}#it-${name}`} />
    </svg>
  );
}
