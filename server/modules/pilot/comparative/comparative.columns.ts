/**
 * The column catalogue of the quadro comparativo (domain.md §7.5, table 1): one entry per metric
 * that `pilot_comparative_counts` (migration 0005) returns, in display order, with its block, its
 * disclosure kind and its Italian and English labels. Every count is 'persons': whatever can be
 * counted about the victims (referrals, cases, permits, measures, hours, late events) is
 * disclosure-controlled. Percentages are 'ratio', medians 'days', euro 'amount'.
 */
import type { ColumnDef, TableBlock } from './disclosure.js';

export const comparativeBlocks: readonly TableBlock[] = [
  'intake',
  'permits',
  'presa_in_carico',
  'pai_measures',
  'outcomes',
  'exits',
  'finance',
  'quality',
];

/** The blocks' names, as the groups of the spreadsheet and the headings of the page. */
export const blockLabels: Record<TableBlock, { it: string; en: string }> = {
  intake: { it: 'Accoglienza e segnalazioni', en: 'Intake and referrals' },
  permits: { it: 'Permessi di soggiorno', en: 'Residence permits' },
  presa_in_carico: { it: 'Presa in carico', en: 'Taking charge' },
  pai_measures: { it: 'PAI e misure', en: 'PAI and measures' },
  outcomes: { it: 'Esiti', en: 'Outcomes' },
  exits: { it: 'Uscite', en: 'Exits' },
  finance: { it: 'Finanza', en: 'Finance' },
  quality: { it: 'Qualità dei dati', en: 'Data quality' },
};

const col = (key: string, block: TableBlock, kind: ColumnDef['kind'], labelIt: string, labelEn: string): ColumnDef => ({
  key,
  block,
  kind,
  labelIt,
  labelEn,
});

export const comparativeColumns: ColumnDef[] = [
  // intake: referrals received in the period
  col('referrals', 'intake', 'persons', 'Segnalazioni ricevute', 'Referrals received'),
  col('ref_inl', 'intake', 'persons', 'di cui da INL', 'of which from INL'),
  col(
    'ref_ffoo_procura',
    'intake',
    'persons',
    "di cui da Forze dell'ordine o Procura",
    'of which from police or prosecutors',
  ),
  col('ref_sindacato', 'intake', 'persons', 'di cui da sindacati', 'of which from trade unions'),
  col('ref_antitratta', 'intake', 'persons', 'di cui da enti antitratta', 'of which from anti-trafficking bodies'),
  col(
    'ref_servizi',
    'intake',
    'persons',
    'di cui da servizi sociali o SAI/CAS',
    'of which from social services or SAI/CAS',
  ),
  col('ref_altro', 'intake', 'persons', 'di cui da altre fonti', 'of which from other sources'),
  col('screened_7d', 'intake', 'ratio', '% valutate entro 7 giorni', '% screened within 7 days'),
  col('sector_agri', 'intake', 'persons', 'di cui nel settore agricolo', 'of which in agriculture'),
  // permits
  col('holders_in_charge', 'permits', 'persons', 'Titolari art. 18-ter in carico', 'Art. 18-ter holders in charge'),
  col('family_with_permit', 'permits', 'persons', 'Familiari con permesso', 'Family members with a permit'),
  col('permits_issued', 'permits', 'persons', 'Permessi rilasciati', 'Permits issued'),
  col('permits_renewed', 'permits', 'persons', 'Permessi rinnovati', 'Permits renewed'),
  col('permits_converted', 'permits', 'persons', 'Permessi convertiti', 'Permits converted'),
  col('permits_revoked', 'permits', 'persons', 'Permessi revocati', 'Permits revoked'),
  col('permits_expired', 'permits', 'persons', 'Permessi scaduti', 'Permits expired'),
  col('expiring_30', 'permits', 'persons', 'In scadenza entro 30 giorni', 'Expiring within 30 days'),
  col('expiring_60', 'permits', 'persons', 'In scadenza entro 60 giorni', 'Expiring within 60 days'),
  col('expiring_90', 'permits', 'persons', 'In scadenza entro 90 giorni', 'Expiring within 90 days'),
  // presa in carico
  col('cases_opened', 'presa_in_carico', 'persons', 'Prese in carico avviate', 'Cases opened'),
  col(
    'admitted_holders',
    'presa_in_carico',
    'persons',
    'Titolari ammessi alle misure',
    'Holders admitted to the measures',
  ),
  col(
    'admitted_family',
    'presa_in_carico',
    'persons',
    'Familiari ammessi alle misure',
    'Family members admitted to the measures',
  ),
  col(
    'median_days_referral_case',
    'presa_in_carico',
    'days',
    'Giorni mediani segnalazione → presa in carico',
    'Median days referral → case',
  ),
  col(
    'median_days_case_pai',
    'presa_in_carico',
    'days',
    'Giorni mediani presa in carico → PAI condiviso',
    'Median days case → PAI shared',
  ),
  col('in_sai', 'presa_in_carico', 'persons', 'di cui accolti nel SAI', 'of which hosted in SAI'),
  // PAI and measures
  col('active_pais', 'pai_measures', 'persons', 'PAI attivi', 'Active PAIs'),
  col(
    'm_orientamento',
    'pai_measures',
    'persons',
    'Misure di orientamento e bilancio di competenze',
    'Guidance and skills assessment measures',
  ),
  col(
    'm_formazione',
    'pai_measures',
    'persons',
    'Misure di formazione e riqualificazione',
    'Training and reskilling measures',
  ),
  col('m_italiano', 'pai_measures', 'persons', 'Corsi di italiano', 'Italian courses'),
  col('m_tirocinio', 'pai_measures', 'persons', 'Tirocini', 'Traineeships'),
  col('m_lavoro', 'pai_measures', 'persons', 'Accompagnamento al lavoro', 'Job placement support'),
  col('m_abitativo', 'pai_measures', 'persons', 'Supporto abitativo', 'Housing support'),
  col('m_complementari', 'pai_measures', 'persons', 'Misure complementari', 'Complementary support'),
  col('hours', 'pai_measures', 'persons', 'Ore di attività svolte', 'Hours of activity delivered'),
  col('completion_rate', 'pai_measures', 'ratio', '% misure completate', '% measures completed'),
  // outcomes
  col('contracts_started', 'outcomes', 'persons', 'Contratti di lavoro avviati', 'Employment contracts started'),
  col('employed_at_exit', 'outcomes', 'persons', "Occupati all'uscita", 'Employed at exit'),
  col(
    'followup_employed',
    'outcomes',
    'persons',
    'Occupati al follow-up (6/12 mesi)',
    'Employed at follow-up (6/12 months)',
  ),
  col('conversions_work', 'outcomes', 'persons', 'Conversioni in permesso per lavoro', 'Conversions to a work permit'),
  col('adi', 'outcomes', 'persons', 'Beneficiari Assegno di inclusione', 'Assegno di inclusione recipients'),
  col('housing_autonomy', 'outcomes', 'persons', 'Autonomia abitativa raggiunta', 'Housing autonomy reached'),
  // exits: cases closed in the period, by reason
  col('exit_lavoro', 'exits', 'persons', 'Uscite per lavoro e autonomia', 'Exits into work and autonomy'),
  col('exit_trasferimento', 'exits', 'persons', 'Uscite per trasferimento', 'Exits by transfer'),
  col('exit_abbandono', 'exits', 'persons', 'Uscite per abbandono', 'Exits by drop-out'),
  col('exit_revoca', 'exits', 'persons', 'Uscite per revoca (art. 7)', 'Exits by revocation (art. 7)'),
  col('exit_scadenza', 'exits', 'persons', 'Uscite per scadenza del permesso', 'Exits by permit expiry'),
  // finance: the calendar year of the end of the period
  col('allocation', 'finance', 'amount', 'Assegnazione annua (€)', 'Annual allocation (€)'),
  col('committed', 'finance', 'amount', 'Impegnato (€)', 'Committed (€)'),
  col('spent', 'finance', 'amount', 'Speso (€)', 'Spent (€)'),
  col('cost_per_pai', 'finance', 'amount', 'Costo medio per PAI (€)', 'Average cost per PAI (€)'),
  // data quality
  col('completeness', 'quality', 'ratio', '% schede complete', '% complete records'),
  col(
    'late_events',
    'quality',
    'persons',
    'Eventi registrati con oltre 30 giorni di ritardo',
    'Events recorded over 30 days late',
  ),
];
