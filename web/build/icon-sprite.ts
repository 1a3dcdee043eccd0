import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:incas-icon-sprite';
const RESOLVED = `\0${VIRTUAL}`;

/**
 * `import spriteUrl from 'virtual:incas-icon-sprite'`: the URL of a sprite holding only the named
 * Bootstrap Italia icons. The build writes the subset as a fingerprinted asset; the dev server
 * hands out the kit's whole sprite. A name the kit does not have stops the build.
 */
export function iconSprite(names: readonly string[]): Plugin {
  let building = false;
  return {
    name: 'incas-icon-sprite',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (!building) return `export { default } from 'bootstrap-italia/dist/svg/sprites.svg?url';`;
      const path = createRequire(import.meta.url).resolve('bootstrap-italia/dist/svg/sprites.svg');
      const sprite = readFileSync(path, 'utf8');
      const symbols = names.map((name) => {
        const match = new RegExp(`<symbol id="it-${name}"[\\s\\S]*?</symbol>`).exec(sprite);
        if (match === null) throw new Error(`Bootstrap Italia has no icon "${name}"`);
        return match[0];
      });
      const ref = this.emitFile({
        type: 'asset',
        name: 'sprites.svg',
        source: `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join('')}</svg>`,
      });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
