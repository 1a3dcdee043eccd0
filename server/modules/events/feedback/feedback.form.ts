/**
 * The default feedback questionnaire of the events ("Questionario di gradimento"), written in the
 * survey engine's own model (decision 0034): three 1–5 scales (overall satisfaction, usefulness,
 * organisation), the parts found most useful, free comments. The demo publishes it as a survey
 * version; an organiser may attach it, or any other published questionnaire, to an event.
 */
import { Form } from '../../surveys/index.js';

const scale = (name: string, it: string, en: string) => ({
  kind: 'question' as const,
  type: 'select_one' as const,
  name,
  label: { it, en },
  hint: { it: '1 = per niente, 5 = moltissimo', en: '1 = not at all, 5 = very much' },
  required: true,
  readOnly: false,
  listName: 'scala5',
  other: false,
  appearance: 'likert',
});

export const FEEDBACK_SURVEY = {
  code: 'gradimento-eventi',
  titleIt: 'Questionario di gradimento degli eventi',
  titleEn: 'Events feedback questionnaire',
  descriptionIt:
    'Il questionario che i partecipanti compilano dopo un workshop, un webinar o la conferenza: anonimo, una risposta per iscrizione.',
};

export const FEEDBACK_FORM: Form = Form.parse({
  modelVersion: 1,
  id: 'gradimento_eventi',
  version: '2026120101',
  title: { it: 'Questionario di gradimento', en: 'Feedback questionnaire' },
  defaultLanguage: 'it',
  items: [
    {
      kind: 'group',
      name: 'gradimento',
      label: { it: 'Il tuo giudizio', en: 'Your opinion' },
      items: [
        scale(
          'soddisfazione',
          'Nel complesso, quanto sei soddisfatto dell’evento?',
          'Overall, how satisfied are you with the event?',
        ),
        scale('utilita', 'Quanto è stato utile per il tuo lavoro?', 'How useful was it for your work?'),
        scale(
          'organizzazione',
          'Come valuti l’organizzazione (sede, orari, materiali)?',
          'How do you rate the organisation (venue, times, materials)?',
        ),
        {
          kind: 'question',
          type: 'select_multiple',
          name: 'parti_utili',
          label: { it: 'Quali parti sono state più utili?', en: 'Which parts were most useful?' },
          hint: { it: 'Puoi sceglierne più di una.', en: 'You may choose more than one.' },
          required: false,
          readOnly: false,
          listName: 'parti',
          other: false,
        },
        {
          kind: 'question',
          type: 'text',
          name: 'commenti',
          label: { it: 'Commenti e suggerimenti', en: 'Comments and suggestions' },
          hint: {
            it: 'Non scrivere nomi di persone: le risposte sono anonime.',
            en: 'Do not write people’s names: the answers are anonymous.',
          },
          required: false,
          readOnly: false,
          appearance: 'multiline',
        },
      ],
    },
  ],
  lists: [
    {
      name: 'scala5',
      choices: [
        { name: '1', label: { it: '1 — per niente', en: '1 — not at all' }, extra: {} },
        { name: '2', label: { it: '2 — poco', en: '2 — a little' }, extra: {} },
        { name: '3', label: { it: '3 — abbastanza', en: '3 — fairly' }, extra: {} },
        { name: '4', label: { it: '4 — molto', en: '4 — very' }, extra: {} },
        { name: '5', label: { it: '5 — moltissimo', en: '5 — very much' }, extra: {} },
      ],
    },
    {
      name: 'parti',
      choices: [
        { name: 'relazioni', label: { it: 'Le relazioni', en: 'The talks' }, extra: {} },
        { name: 'gruppi', label: { it: 'I lavori di gruppo', en: 'The group work' }, extra: {} },
        { name: 'casi', label: { it: 'I casi di studio', en: 'The case studies' }, extra: {} },
        { name: 'confronto', label: { it: 'Il confronto tra territori', en: 'Comparing territories' }, extra: {} },
      ],
    },
  ],
});
