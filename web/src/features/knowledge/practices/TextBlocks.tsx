import { blocksOf, type SnippetSegment } from '../../../lib/practice-vocabulary';

/** A long plain text as paragraphs and bulleted lists: text nodes only, never HTML. */
export function TextBlocks({ text }: { text: string }) {
  return (
    <>
      {blocksOf(text).map((b, i) =>
        b.kind === 'p' ? (
          <p key={i}>{b.text}</p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

/** The search's fragment with the words found marked (<mark>), from segments: never HTML. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
