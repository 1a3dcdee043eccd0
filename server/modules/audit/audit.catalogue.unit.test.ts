import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modules } from '../../modules.js';
import { declaredAuditActions, declaredAuditEntityTypes, defineAuditActions } from '../../platform/audit-actions.js';
import { projectRoot } from '../../platform/paths.js';

type Catalogue = Record<string, unknown>;
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(join(projectRoot(), 'web', 'src', 'i18n', `${lang}.json`), 'utf8')) as Catalogue;

/** The word at a dotted path of the catalogue, the way i18next nests keys; undefined when missing. */
function wordAt(c: Catalogue, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Catalogue | undefined)?.[key], c);
}

describe('the declared audit catalogue', () => {
  it('gives every declared action and entity type words in Italian and English, and no words to undeclared ones', () => {
    const actions = declaredAuditActions();
    const types = declaredAuditEntityTypes();
    // every module that writes audit rows has declared them (the composition root loads them all)
    expect(modules.filter((m) => m.auditActions).map((m) => m.name)).toEqual(
      expect.arrayContaining(['access', 'registry', 'audit', 'pilot', 'demo']),
    );
    expect(actions).toContain('pilot.case.read');
    for (const lang of ['it', 'en']) {
      const c = catalogue(lang);
      for (const action of actions) {
        const word = wordAt(c, `auditActions.${action}`);
        expect(typeof word === 'string' && word.length > 0 && word !== action, `${lang}: ${action}`).toBe(true);
        const group = action.slice(0, action.indexOf('.'));
        expect(typeof wordAt(c, `auditActionGroups.${group}`), `${lang}: group ${group}`).toBe('string');
      }
      for (const type of types) expect(typeof wordAt(c, `auditEntityTypes.${type}`), `${lang}: ${type}`).toBe('string');
      expect(Object.keys(c.auditEntityTypes as Catalogue).sort()).toEqual(types);
    }
    expect(wordAt(catalogue('it'), 'auditActions.pilot.case.read')).toBe('Consultazione della scheda del caso');
    expect(wordAt(catalogue('en'), 'auditActions.pilot.case.read')).toBe('Case file read');
  });

  it('stops the start on an action declared twice, one that continues another, or one not of the form a.b', () => {
    expect(() => defineAuditActions({ actions: ['pilot.case.read'] })).toThrow(/declared twice/);
    expect(() => defineAuditActions({ actions: ['pilot.case'] })).toThrow(/continues/);
    expect(() => defineAuditActions({ actions: ['pilot.import.rows'] })).toThrow(/continues/);
    expect(() => defineAuditActions({ actions: ['Pilot.Case'] })).toThrow(/form/);
    expect(() => defineAuditActions({ actions: [], entityTypes: ['pilot_case'] })).toThrow(/declared twice/);
  });
});
