/** Drafts of forms in progress (web/src/lib/drafts.ts): no secrets, no files, tied to what they started from. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, clearDrafts, draftName, readDraft, saveDraft } from '../../web/src/lib/drafts.js';

/** This tab's sessionStorage, as the browser keeps it. */
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  Object.defineProperty(globalThis, 'sessionStorage', { value: storage, configurable: true });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'sessionStorage');
});

describe('drafts', () => {
  it('keep what was typed, never a password nor a file, at any depth', () => {
    const scan = new File(['%PDF-1.7'], 'permesso.pdf', { type: 'application/pdf' });
    saveDraft('u1', 'case-note.c1', {
      text: 'Colloquio del lunedì',
      password: 'segreta',
      attachment: scan,
      nested: { files: [scan, 'keep'], totpCode: '123456', kind: 'altro' },
    });
    const stored = storage.getItem('incas.draft.u1.case-note.c1')!;
    expect(stored).not.toContain('segreta');
    expect(stored).not.toContain('123456');
    expect(readDraft('u1', 'case-note.c1')).toEqual({
      text: 'Colloquio del lunedì',
      nested: { files: ['keep'], kind: 'altro' },
    });
  });

  it('are named after the record they edit: a changed record no longer finds the old draft', () => {
    const before = draftName('organisation-edit.o1', { name: 'Comune di Catania', pec: '' });
    expect(draftName('organisation-edit.o1', { name: 'Comune di Catania', pec: '' })).toBe(before);
    expect(before).toMatch(/^organisation-edit\.o1\.[0-9a-z]+$/);
    const after = draftName('organisation-edit.o1', { name: 'Comune di Catania', pec: 'protocollo@pec.it' });
    expect(after).not.toBe(before);
    saveDraft('u1', before, { name: 'Comune di Catania (bozza)' });
    expect(readDraft('u1', after)).toBeNull();
  });

  it('are cleared one by one after a save, all at logout, and those of another user at a login', () => {
    saveDraft('u1', 'pai-needs.p1.v2', { objectives: 'A2' });
    saveDraft('u1', 'referral-create', { source: 'inl' });
    saveDraft('u2', 'referral-create', { source: 'asl' });
    clearDraft('u1', 'pai-needs.p1.v2');
    expect(readDraft('u1', 'pai-needs.p1.v2')).toBeNull();
    clearDrafts('u1');
    expect([readDraft('u1', 'referral-create'), readDraft('u2', 'referral-create')]).toEqual([{ source: 'inl' }, null]);
    clearDrafts();
    expect(storage.length).toBe(0);
  });
});
