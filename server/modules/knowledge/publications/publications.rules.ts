/**
 * Pure rules of the publications: the public address from the title, the workflow's steps, when a
 * version may be published, the file name of a download, and the metadata of a wave's report.
 */
import type { AccessibilityIssue, PublicationStatus } from './publications.vocabulary.js';

/**
 * The public address from the title: lower case, letters without their accents, every other run
 * of signs a hyphen, at most 70 characters cut at a word; "pubblicazione-…" when too short.
 */
export function publicationSlug(title: string): string {
  let slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 70) {
    slug = slug.slice(0, 70);
    const cut = slug.lastIndexOf('-');
    if (cut >= 20) slug = slug.slice(0, cut);
    slug = slug.replace(/-+$/, '');
  }
  return slug.length >= 3 ? slug : slug ? `pubblicazione-${slug}` : 'pubblicazione';
}

/** A free address: the base, else base-2, base-3… (`taken`: the addresses in use that start with it). */
export function freeSlug(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Publishing: a draft (its first publication), a published one (a newer version takes the place
 * of the one shown) or a withdrawn one (back in the library). Withdrawing: only a published one.
 */
export const canPublish = (s: PublicationStatus) => s === 'BOZZA' || s === 'PUBBLICATA' || s === 'RITIRATA';
export const canWithdraw = (s: PublicationStatus) => s === 'PUBBLICATA';

/**
 * Whether a version may be published (decision 0057): one that passes the accessibility check,
 * always; one that fails it only with the reason for the exception, which the audit trail keeps.
 */
export function publishGate(
  version: { accessible: boolean; issues: readonly AccessibilityIssue[] },
  exceptionReason: string | undefined,
): { ok: true; exception: boolean } | { ok: false; issues: readonly AccessibilityIssue[] } {
  if (version.accessible) return { ok: true, exception: false };
  if (exceptionReason && exceptionReason.trim().length >= 20) return { ok: true, exception: true };
  return { ok: false, issues: version.issues };
}

/** The name a version downloads under: the address and the version, never the uploader's name. */
export const versionFilename = (slug: string, n: number) => `${slug}-v${n}.pdf`;

/** The metadata of a wave's report published in the library (its first version's). */
export function surveyReportMetadata(w: { survey: string; wave: string; opensOn: string; closesOn: string }): {
  title: string;
  abstract: string;
  keywords: string[];
} {
  const it = (d: string) => d.split('-').reverse().join('/');
  return {
    title: `Rapporto della rilevazione: ${w.wave}`.slice(0, 300),
    abstract:
      `Il rapporto della rilevazione «${w.wave}» dell'indagine «${w.survey}», condotta dal ${it(w.opensOn)} al ` +
      `${it(w.closesOn)}: tasso di risposta dei Comuni per Regione e per classe demografica e tavole dei ` +
      'risultati principali. Generato dalla piattaforma InCaS, con il controllo della divulgazione statistica.',
    keywords: ['indagine', 'rapporto', 'Comuni'],
  };
}
