import type { ReactNode } from 'react';

/** A label and its value; the label is also the row's key, so it is unique within its list. */
export type Fact = readonly [label: string, value: ReactNode];

/** A titled section of facts about one record, as a definition list laid out in columns. */
export function FactsSection({ id, title, facts }: { id: string; title: string; facts: readonly Fact[] }) {
  return (
    <section aria-labelledby={id} className="mb-5">
      <h2 id={id}>{title}</h2>
      <dl className="row incas-facts">
        {facts.map(([label, value]) => (
          <div className="col-sm-6 col-lg-4 mb-3" key={label}>
            <dt>{label}</dt>
            <dd className="mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
