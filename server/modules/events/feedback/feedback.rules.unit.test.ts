import { describe, expect, it } from 'vitest';
import { feedbackResults, MIN_FEEDBACK_ANSWERS, questionResult, type FeedbackQuestion } from './feedback.rules.js';

const scale: FeedbackQuestion = {
  name: 'soddisfazione',
  kind: 'choice',
  label: { it: 'Soddisfazione' },
  repeats: [],
  choices: ['1', '2', '3', '4', '5'].map((code) => ({ code, label: { it: code } })),
};
const topics: FeedbackQuestion = {
  name: 'temi',
  kind: 'multiple',
  label: { it: 'Temi' },
  repeats: [],
  choices: [
    { code: 'rete', label: { it: 'Rete' } },
    { code: 'piani', label: { it: 'Piani' } },
  ],
};
const comment: FeedbackQuestion = {
  name: 'commenti',
  kind: 'text',
  label: { it: 'Commenti' },
  repeats: [],
  choices: [],
};

describe('questionResult', () => {
  it('counts each choice in the list’s order and gives a scale’s mean', () => {
    const r = questionResult(scale, [{ soddisfazione: '5' }, { soddisfazione: '4' }, { soddisfazione: '5' }, {}]);
    expect(r.answered).toBe(3);
    expect(r.choices.map((c) => c.count)).toEqual([0, 0, 0, 1, 2]);
    expect(r.mean).toBe(4.67);
  });

  it('counts a multiple choice once per answer per code; unknown codes are ignored; no mean for words', () => {
    const r = questionResult(topics, [{ temi: 'rete piani' }, { temi: 'rete rete' }, { temi: 'altro' }]);
    expect(r.choices).toEqual([
      { code: 'rete', label: { it: 'Rete' }, count: 2 },
      { code: 'piani', label: { it: 'Piani' }, count: 1 },
    ]);
    expect(r.mean).toBeNull();
  });

  it('lists free texts trimmed and in alphabetical order (not the order they came), blanks left out', () => {
    const r = questionResult(comment, [
      { commenti: ' Zeta' },
      { commenti: 'alfa' },
      { commenti: '   ' },
      { commenti: null },
    ]);
    expect(r.texts).toEqual(['alfa', 'Zeta']);
    expect(r.answered).toBe(2);
  });

  it('gives the mean of numbers and ignores what is not one', () => {
    const q: FeedbackQuestion = { name: 'ore', kind: 'number', label: {}, repeats: [], choices: [] };
    expect(questionResult(q, [{ ore: 2 }, { ore: 3 }, { ore: 'x' }]).mean).toBe(2.5);
  });
});

describe('feedbackResults', () => {
  const answers = (n: number) => Array.from({ length: n }, (_, i) => ({ soddisfazione: String((i % 5) + 1) }));

  it('shows nothing below the minimum (suppressed), everything from it on', () => {
    expect(feedbackResults([scale], answers(MIN_FEEDBACK_ANSWERS - 1))).toEqual({ suppressed: true, questions: [] });
    expect(feedbackResults([scale], [])).toEqual({ suppressed: false, questions: [] });
    const shown = feedbackResults([scale, comment], answers(MIN_FEEDBACK_ANSWERS));
    expect(shown.suppressed).toBe(false);
    expect(shown.questions.map((q) => q.name)).toEqual(['soddisfazione', 'commenti']);
    expect(shown.questions[0]!.mean).toBe(3);
  });

  it('leaves out questions inside repeats', () => {
    const inRepeat = { ...scale, name: 'voto', repeats: ['sessioni'] };
    expect(feedbackResults([inRepeat], answers(6)).questions).toEqual([]);
  });
});
