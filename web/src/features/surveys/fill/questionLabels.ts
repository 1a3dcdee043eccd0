import { walkItems, type Form, type FormLanguage } from '../../../lib/form-engine';

/**
 * Each question's label in the language (Italian when the form has none in it), by its name: the
 * pages say "Numero di progetti finanziati", not "c5_n_progetti". A name the form does not know
 * (an answer of an older version) stays as it is.
 */
export function questionLabels(form: Form | undefined, language: FormLanguage): (name: string) => string {
  const labels = new Map<string, string>();
  if (form) {
    for (const [item] of walkItems(form.items)) {
      const label = item.label?.[language] ?? item.label?.it;
      if (label) labels.set(item.name, label);
    }
  }
  return (name) => labels.get(name) ?? name;
}
