/**
 * DCAT-AP_IT metadata of the released datasets and of their catalogue (decision 0044), as one
 * list of RDF triples written two ways: JSON-LD (a flat @graph, compact IRIs through the prefixes
 * of its @context) and Turtle (n3's writer, which escapes the literals). Pure: the same record and
 * base address give the same bytes.
 */
import { DataFactory, Writer, type Quad, type Quad_Object } from 'n3';

const namedNode = (iri: string) => DataFactory.namedNode(iri);
const literal = (value: string, langOrType?: string | ReturnType<typeof namedNode>) =>
  DataFactory.literal(value, langOrType);
const quad = (s: ReturnType<typeof namedNode>, p: ReturnType<typeof namedNode>, o: Quad_Object) =>
  DataFactory.quad(s, p, o);

export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  dcatapit: 'http://dati.gov.it/onto/dcatapit#',
  locn: 'http://www.w3.org/ns/locn#',
  schema: 'http://schema.org/',
  spdx: 'http://spdx.org/rdf/terms#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;
type Prefix = keyof typeof PREFIXES;
type Curie = `${Prefix}:${string}`;

const EU = 'http://publications.europa.eu/resource/authority';
export const LICENCE = {
  url: 'https://creativecommons.org/licenses/by/4.0/',
  name: 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)',
  type: 'http://purl.org/adms/licencetype/Attribution',
} as const;
export const CSV_FORMAT = `${EU}/file-type/CSV`;
export const ITALY = `${EU}/country/ITA`;
export const LANGUAGE_ITA = `${EU}/language/ITA`;

function expand(curie: Curie): string {
  const i = curie.indexOf(':');
  return PREFIXES[curie.slice(0, i) as Prefix] + curie.slice(i + 1);
}

/** The record of a released dataset as the metadata need it (the frozen row, already read). */
export interface DatasetRecord {
  id: string;
  titleIt: string;
  titleEn: string | null;
  descriptionIt: string;
  descriptionEn: string | null;
  keywords: string[];
  theme: string;
  accrual: string;
  regionCode: string | null;
  regionName: string | null;
  temporalStart: string;
  temporalEnd: string;
  issued: string;
  modified: string;
  publisherName: string;
  publisherId: string;
  contactEmail: string;
  byteSize: number;
  sha256: string;
}

export interface Addresses {
  /** the instance's public address, no trailing slash */
  base: string;
}

export const apiPath = '/api/v1/open-data';
export const datasetUri = (a: Addresses, id: string) => `${a.base}${apiPath}/datasets/${id}`;
export const catalogUri = (a: Addresses) => `${a.base}${apiPath}/catalog`;
export const csvUrl = (a: Addresses, id: string) => `${datasetUri(a, id)}/distribution.csv`;
export const landingPage = (a: Addresses) => `${a.base}/dati-aperti`;
export const datasetIdentifier = (r: Pick<DatasetRecord, 'publisherId' | 'id'>) => `${r.publisherId}:${r.id}`;

class Graph {
  readonly quads: Quad[] = [];
  add(s: string, p: Curie, o: Quad_Object): void {
    this.quads.push(quad(namedNode(s), namedNode(expand(p)), o));
  }
  type(s: string, ...types: Curie[]): void {
    for (const t of types) this.add(s, 'rdf:type', namedNode(expand(t)));
  }
  iri(s: string, p: Curie, o: string): void {
    this.add(s, p, namedNode(o));
  }
  text(s: string, p: Curie, value: string, lang?: string): void {
    this.add(s, p, lang ? literal(value, lang) : literal(value));
  }
  typed(s: string, p: Curie, value: string, type: Curie): void {
    this.add(s, p, literal(value, namedNode(expand(type))));
  }
}

/** The publisher (also the rights holder) and the contact point, shared by the catalogue and its datasets. */
function agents(g: Graph, a: Addresses, r: Pick<DatasetRecord, 'publisherName' | 'publisherId' | 'contactEmail'>) {
  const publisher = `${catalogUri(a)}#publisher`;
  g.type(publisher, 'foaf:Agent', 'dcatapit:Agent');
  g.text(publisher, 'foaf:name', r.publisherName, 'it');
  g.text(publisher, 'dct:identifier', r.publisherId);
  const contact = `${catalogUri(a)}#contact`;
  g.type(contact, 'vcard:Organization', 'dcatapit:Organization');
  g.text(contact, 'vcard:fn', r.publisherName);
  g.iri(contact, 'vcard:hasEmail', `mailto:${r.contactEmail}`);
  return { publisher, contact };
}

function datasetTriples(g: Graph, a: Addresses, r: DatasetRecord): string {
  const ds = datasetUri(a, r.id);
  const { publisher, contact } = agents(g, a, r);
  g.type(ds, 'dcat:Dataset', 'dcatapit:Dataset');
  g.text(ds, 'dct:identifier', datasetIdentifier(r));
  g.text(ds, 'dct:title', r.titleIt, 'it');
  if (r.titleEn) g.text(ds, 'dct:title', r.titleEn, 'en');
  g.text(ds, 'dct:description', r.descriptionIt, 'it');
  if (r.descriptionEn) g.text(ds, 'dct:description', r.descriptionEn, 'en');
  for (const k of r.keywords) g.text(ds, 'dcat:keyword', k, 'it');
  g.iri(ds, 'dcat:theme', `${EU}/data-theme/${r.theme}`);
  g.iri(ds, 'dct:accrualPeriodicity', `${EU}/frequency/${r.accrual}`);
  g.iri(ds, 'dct:language', LANGUAGE_ITA);
  g.typed(ds, 'dct:issued', r.issued, 'xsd:date');
  g.typed(ds, 'dct:modified', r.modified, 'xsd:date');
  g.iri(ds, 'dct:publisher', publisher);
  g.iri(ds, 'dct:rightsHolder', publisher);
  g.iri(ds, 'dcat:contactPoint', contact);
  g.iri(ds, 'dcat:landingPage', landingPage(a));
  // temporal coverage: the wave's field period (DCAT 2 and DCAT-AP_IT 1.x properties)
  const period = `${ds}#periodo`;
  g.iri(ds, 'dct:temporal', period);
  g.type(period, 'dct:PeriodOfTime');
  g.typed(period, 'dcat:startDate', r.temporalStart, 'xsd:date');
  g.typed(period, 'dcat:endDate', r.temporalEnd, 'xsd:date');
  g.typed(period, 'schema:startDate', r.temporalStart, 'xsd:date');
  g.typed(period, 'schema:endDate', r.temporalEnd, 'xsd:date');
  // spatial coverage: Italy, or the Region
  if (r.regionCode) {
    const place = `${ds}#area`;
    g.iri(ds, 'dct:spatial', place);
    g.type(place, 'dct:Location');
    g.text(place, 'locn:geographicalName', r.regionName ?? r.regionCode, 'it');
    g.text(place, 'dcatapit:geographicalIdentifier', `ISTAT:regione:${r.regionCode}`);
  } else g.iri(ds, 'dct:spatial', ITALY);
  // the one distribution: the frozen CSV
  const dist = `${ds}#csv`;
  g.iri(ds, 'dcat:distribution', dist);
  g.type(dist, 'dcat:Distribution', 'dcatapit:Distribution');
  g.text(dist, 'dct:title', `${r.titleIt} (CSV)`, 'it');
  g.iri(dist, 'dct:format', CSV_FORMAT);
  g.text(dist, 'dcat:mediaType', 'text/csv');
  g.iri(dist, 'dcat:accessURL', landingPage(a));
  g.iri(dist, 'dcat:downloadURL', csvUrl(a, r.id));
  g.typed(dist, 'dcat:byteSize', String(r.byteSize), 'xsd:decimal');
  g.iri(dist, 'dct:license', LICENCE.url);
  g.typed(dist, 'dct:issued', r.issued, 'xsd:date');
  g.typed(dist, 'dct:modified', r.modified, 'xsd:date');
  const checksum = `${ds}#sha256`;
  g.iri(dist, 'spdx:checksum', checksum);
  g.type(checksum, 'spdx:Checksum');
  g.iri(checksum, 'spdx:algorithm', `${PREFIXES.spdx}checksumAlgorithm_sha256`);
  g.typed(checksum, 'spdx:checksumValue', r.sha256, 'xsd:hexBinary');
  // the licence document (DCAT-AP_IT: a dcatapit:LicenseDocument with its ADMS type)
  g.type(LICENCE.url, 'dct:LicenseDocument', 'dcatapit:LicenseDocument');
  g.iri(LICENCE.url, 'dct:type', LICENCE.type);
  g.text(LICENCE.url, 'foaf:name', LICENCE.name, 'it');
  return ds;
}

export interface CatalogInfo {
  publisherName: string;
  publisherId: string;
  contactEmail: string;
  /** the last modification of any dataset listed (or today when none) */
  modified: string;
}

/** The triples of one dataset. */
export function datasetGraph(a: Addresses, r: DatasetRecord): Quad[] {
  const g = new Graph();
  datasetTriples(g, a, r);
  return g.quads;
}

/** The triples of the catalogue listing every dataset given (and each dataset's own). */
export function catalogGraph(a: Addresses, info: CatalogInfo, datasets: DatasetRecord[]): Quad[] {
  const g = new Graph();
  const cat = catalogUri(a);
  const { publisher } = agents(g, a, info);
  g.type(cat, 'dcat:Catalog', 'dcatapit:Catalog');
  g.text(cat, 'dct:title', 'InCaS – Dati aperti delle indagini nazionali', 'it');
  g.text(cat, 'dct:title', 'InCaS – Open data of the national surveys', 'en');
  g.text(
    cat,
    'dct:description',
    'Dati aggregati delle indagini nazionali di ANCI/Fondazione Cittalia presso i Comuni, con controllo della riservatezza statistica.',
    'it',
  );
  g.iri(cat, 'dct:publisher', publisher);
  g.typed(cat, 'dct:modified', info.modified, 'xsd:date');
  g.iri(cat, 'dct:language', LANGUAGE_ITA);
  g.iri(cat, 'foaf:homepage', landingPage(a));
  for (const d of datasets) g.iri(cat, 'dcat:dataset', datasetTriples(g, a, d));
  return dedupe(g.quads);
}

function key(q: Quad): string {
  return `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}:${
    q.object.termType === 'Literal' ? `${q.object.language}:${q.object.datatype.value}` : ''
  }`;
}

/** The agents and the licence are described once even when many datasets name them. */
function dedupe(quads: Quad[]): Quad[] {
  const seen = new Set<string>();
  return quads.filter((q) => {
    const k = key(q);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** RDF Turtle of the triples, with the prefixes. */
export function toTurtle(quads: Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: PREFIXES });
  writer.addQuads(quads);
  return new Promise((resolve, reject) => writer.end((err, out: string) => (err ? reject(err) : resolve(out))));
}

function compact(iri: string): string {
  for (const [p, ns] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns) && /^[A-Za-z_][\w-]*$/.test(iri.slice(ns.length))) return `${p}:${iri.slice(ns.length)}`;
  }
  return iri;
}

type JsonLdValue = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };
type JsonLdNode = { '@id': string; '@type'?: string[] } & Record<string, unknown>;

/**
 * JSON-LD of the triples: one node per subject in a flat @graph, properties as compact IRIs of the
 * @context's prefixes, every value as an @id, or an @value with its language or datatype, always
 * in an array (so a consumer reads every property the same way).
 */
export function toJsonLd(quads: Quad[]): { '@context': Record<string, string>; '@graph': JsonLdNode[] } {
  const nodes = new Map<string, JsonLdNode>();
  const rdfType = `${PREFIXES.rdf}type`;
  for (const q of quads) {
    const id = q.subject.value;
    let node = nodes.get(id);
    if (!node) nodes.set(id, (node = { '@id': id }));
    if (q.predicate.value === rdfType) {
      (node['@type'] ??= []).push(compact(q.object.value));
      continue;
    }
    const o = q.object;
    let value: JsonLdValue;
    if (o.termType === 'Literal') {
      value = { '@value': o.value };
      if (o.language) value['@language'] = o.language;
      else if (o.datatype.value !== `${PREFIXES.xsd}string`) value['@type'] = compact(o.datatype.value);
    } else value = { '@id': o.value };
    const p = compact(q.predicate.value);
    const list = (node[p] as JsonLdValue[] | undefined) ?? [];
    list.push(value);
    node[p] = list;
  }
  const context: Record<string, string> = {};
  for (const [p, ns] of Object.entries(PREFIXES)) if (p !== 'rdf') context[p] = ns;
  return { '@context': context, '@graph': [...nodes.values()] };
}
