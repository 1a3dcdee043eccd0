/**
 * The answers of a questionnaire being filled in, saved a second after the last change, per
 * question, never lost and never saved over someone else's (issue 10, points 5 and 7):
 *
 * - every change is kept in the page and in this tab's draft (lib/drafts) until the server has it,
 *   so a reload, a lost connection or an ended session loses nothing; after a login in place the
 *   save goes out again;
 * - a save sends only the changed questions with the version the page last read; the server
 *   refuses a question someone else saved since (409 surveys.response.conflict): the page then
 *   shows their values and lets the user choose, never overwriting silently;
 * - when the server's version moved on because of someone else's save of other questions, the
 *   page reads the response again and takes their answers, and asks about any it was changing too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isProblem } from '../../../api/problem';
import { clearDraft, readDraft, saveDraft } from '../../../lib/drafts';
import type { SaveBody, SaveResult, SurveyResponse } from './types';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'offline' | 'session' | 'conflict' | 'refused';

export interface Conflict {
  name: string;
  mine: unknown;
  theirs: unknown;
}

export interface Autosave {
  answers: Record<string, unknown>;
  change: (name: string, value: unknown) => void;
  status: SaveStatus;
  savedAt: Date | null;
  conflicts: Conflict[];
  /** "theirs": take the saved values; "mine": save mine over them, knowingly */
  resolve: (choice: 'theirs' | 'mine') => void;
  /** saves now what is pending; resolves true when nothing is left to save */
  flush: () => Promise<boolean>;
  refusedMessage: string | null;
}

const DELAY_MS = 1000;

export function useAutosave(opts: {
  response: SurveyResponse;
  save: (body: SaveBody) => Promise<SaveResult>;
  reload: () => Promise<SurveyResponse>;
  /** where the draft is kept: the user and the response (null: no draft, e.g. a personal link) */
  draft: { userId: string; name: string } | null;
  /** the session ended: saving waits for the login in place */
  sessionEnded: boolean;
}): Autosave {
  const { response, draft } = opts;
  const [initial] = useState(() => {
    const restored = draft ? readDraft(draft.userId, draft.name) : null;
    return {
      answers: { ...response.answers, ...(restored ?? {}) },
      pending: new Set(Object.keys(restored ?? {})),
    };
  });
  const [answers, setAnswers] = useState<Record<string, unknown>>(initial.answers);
  const answersRef = useRef(answers);
  const pending = useRef<Set<string>>(initial.pending);
  const base = useRef(response.rowVersion);
  const [status, setStatus] = useState<SaveStatus>(initial.pending.size > 0 ? 'dirty' : 'saved');
  const [savedAt, setSavedAt] = useState<Date | null>(response.updatedAt ? new Date(response.updatedAt) : null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [refusedMessage, setRefusedMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const optsRef = useRef(opts);
  useEffect(() => {
    optsRef.current = opts;
  });
  const flushRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));

  const keepDraft = useCallback(() => {
    const d = optsRef.current.draft;
    if (!d) return;
    if (pending.current.size === 0) clearDraft(d.userId, d.name);
    else
      saveDraft(
        d.userId,
        d.name,
        Object.fromEntries([...pending.current].map((n) => [n, answersRef.current[n] ?? null])),
      );
  }, []);

  const setAll = (next: Record<string, unknown>) => {
    answersRef.current = next;
    setAnswers(next);
  };

  /** Reads the response again: others' answers come in; those we are changing too become conflicts. */
  const refresh = useCallback(
    async (mine: { names: readonly string[]; version: number } | null, suspects: readonly string[] = []) => {
      const fresh = await optsRef.current.reload();
      const next = { ...answersRef.current };
      const found: Conflict[] = [];
      for (const [name, version] of Object.entries(fresh.answerVersions)) {
        if (version <= base.current) continue;
        // our own save
        if (mine && version === mine.version && mine.names.includes(name)) continue;
        if (pending.current.has(name) || suspects.includes(name)) {
          if (JSON.stringify(fresh.answers[name] ?? null) !== JSON.stringify(next[name] ?? null)) {
            found.push({ name, mine: next[name], theirs: fresh.answers[name] });
          }
        } else if (fresh.answers[name] === undefined) delete next[name];
        else next[name] = fresh.answers[name];
      }
      base.current = fresh.rowVersion;
      setAll(next);
      return found;
    },
    [],
  );

  const flush = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current.size === 0) return true;
    if (optsRef.current.sessionEnded) {
      setStatus('session');
      return false;
    }
    const sent = Object.fromEntries([...pending.current].map((n) => [n, answersRef.current[n] ?? null]));
    const run = (async () => {
      setStatus('saving');
      try {
        const result = await optsRef.current.save({ baseVersion: base.current, answers: sent });
        for (const [n, v] of Object.entries(sent)) if ((answersRef.current[n] ?? null) === v) pending.current.delete(n);
        if (result.rowVersion === base.current + 1) base.current = result.rowVersion;
        else {
          // someone else saved other questions meanwhile: their answers come in
          const found = await refresh({ names: Object.keys(sent), version: result.rowVersion });
          if (found.length > 0) {
            setConflicts(found);
            setStatus('conflict');
            return false;
          }
        }
        setSavedAt(new Date(result.savedAt));
        setRefusedMessage(null);
        setStatus(pending.current.size > 0 ? 'dirty' : 'saved');
        keepDraft();
        return pending.current.size === 0;
      } catch (error) {
        if (isProblem(error, 'surveys.response.conflict')) {
          // the server names the questions someone else changed, comma-separated
          const questions = error.context.questions;
          const names = (typeof questions === 'string' ? questions : '').split(',').filter(Boolean);
          const found = await refresh(null, names);
          setConflicts(found);
          setStatus(found.length > 0 ? 'conflict' : 'dirty');
          // nothing really differs: the same answers go out again on the new version
          if (found.length === 0) timer.current = setTimeout(() => void flushRef.current(), 0);
          return false;
        }
        if (isProblem(error) && error.status === 401) {
          setStatus('session');
          return false;
        }
        if (isProblem(error) && error.status < 500) {
          setRefusedMessage(error.detail ?? error.title);
          setStatus('refused');
          return false;
        }
        setStatus('offline');
        return false;
      }
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [keepDraft, refresh]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = useCallback(
    (name: string, value: unknown) => {
      const next = { ...answersRef.current };
      if (value === null || value === undefined) delete next[name];
      else next[name] = value;
      setAll(next);
      pending.current.add(name);
      keepDraft();
      setStatus((s) => (s === 'conflict' || s === 'session' ? s : 'dirty'));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    [flush, keepDraft],
  );

  const resolve = useCallback(
    (choice: 'theirs' | 'mine') => {
      if (choice === 'theirs') {
        const next = { ...answersRef.current };
        for (const c of conflicts) {
          if (c.theirs === undefined || c.theirs === null) delete next[c.name];
          else next[c.name] = c.theirs;
          pending.current.delete(c.name);
        }
        setAll(next);
      } else for (const c of conflicts) pending.current.add(c.name);
      setConflicts([]);
      keepDraft();
      setStatus(pending.current.size > 0 ? 'dirty' : 'saved');
      void flush();
    },
    [conflicts, flush, keepDraft],
  );

  // back from a login in place: what was waiting goes out
  useEffect(() => {
    if (!opts.sessionEnded && pending.current.size > 0 && conflicts.length === 0) void flush();
  }, [opts.sessionEnded, flush, conflicts.length]);

  // leaving the page with unsaved answers: the browser asks
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current.size > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { answers, change, status, savedAt, conflicts, resolve, flush, refusedMessage };
}
