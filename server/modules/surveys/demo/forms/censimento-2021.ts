/**
 * The 2021 national census of the Comuni, "Le condizioni abitative dei migranti che lavorano nel
 * settore agro-alimentare" (domain.md §6.2), as an XLSForm: section A on the Comune and the
 * respondent (A1–A3b as the published questionnaire numbers them), then presence and flows of
 * foreign agri-food workers, housing with one entry per settlement (formal or informal; located
 * by the name of the place only, never by coordinates), and the Comune's interventions.
 * Written to censimento-2021.xlsx by `npm run demo:survey-forms`.
 */
import { list, section, type SurveyRow, type XlsFormDescription } from './xlsform-rows.js';
import {
  comuneName,
  respondentEmail,
  respondentName,
  respondentOffice,
  respondentRole,
  roleChoices,
} from './respondent.js';

const WORKERS = "${b1_presenza} = 'si'";
const SETTLEMENTS = "${c2_insediamenti} = 'si'";
const EXCLUSIVE = (code: string) => `not(selected(., '${code}') and count-selected(.) > 1)`;

const sezioneA: SurveyRow[] = section(
  'group',
  'sez_a',
  ['A. Informazioni sul Comune e sul rispondente', 'A. The Comune and the respondent'],
  [
    {
      type: 'note',
      name: 'a_intro',
      label: [
        'Le domande contrassegnate come obbligatorie vanno compilate. Il questionario può essere salvato e ripreso in qualsiasi momento.',
        'Questions marked as required must be answered. The questionnaire can be saved and resumed at any time.',
      ],
    },
    comuneName,
    {
      type: 'text',
      name: 'a1a_catastale',
      label: ['A1a. Codice catastale del Comune', 'A1a. Cadastral code of the Comune'],
      hint: ['Quattro caratteri, ad esempio H501 per Roma', 'Four characters, e.g. H501 for Rome'],
      required: 'yes',
      constraint: "regex(., '^[A-Z][0-9]{3}$')",
      constraint_message: [
        'Il codice catastale è composto da una lettera maiuscola e tre cifre (es. H501)',
        'The cadastral code is one capital letter and three digits (e.g. H501)',
      ],
    },
    respondentName,
    ...respondentRole,
    {
      type: 'text',
      name: 'a3a_deleghe',
      label: ["A3a. Deleghe dell'Assessore", 'A3a. Portfolio of the Assessore'],
      hint: [
        'Ad esempio: politiche sociali, agricoltura, immigrazione',
        'E.g. social policy, agriculture, immigration',
      ],
      relevant: "${a3_ruolo} = 'assessore'",
      required: 'yes',
    },
    respondentOffice('A3b'),
    respondentEmail('A4'),
  ],
);

const sezioneB: SurveyRow[] = section(
  'group',
  'sez_b',
  [
    'B. Presenza e flussi di lavoratori stranieri nel settore agro-alimentare',
    'B. Presence and flows of foreign agri-food workers',
  ],
  [
    {
      type: 'select_one sn_ns',
      name: 'b1_presenza',
      label: [
        'B1. Nel territorio comunale sono presenti lavoratori stranieri impiegati nel settore agro-alimentare?',
        'B1. Are foreign workers employed in the agri-food sector present in the Comune?',
      ],
      hint: [
        'Con o senza permesso di soggiorno, residenti o presenti solo per la stagione',
        'With or without a residence permit, resident or present only for the season',
      ],
      required: 'yes',
    },
    ...section(
      'group',
      'b_lavoratori',
      ['Lavoratori presenti', 'Workers present'],
      [
        {
          type: 'select_multiple presenza',
          name: 'b2_tipologia',
          label: ['B2. Che tipo di presenza si registra?', 'B2. What kind of presence?'],
          required: 'yes',
        },
        {
          type: 'range_estimate',
          name: 'b3_stagionali',
          label: [
            'B3. Lavoratori stranieri stagionali nel periodo di massima presenza',
            'B3. Seasonal foreign workers at the peak of the season',
          ],
          hint: [
            'Se il numero esatto non è noto, indicare un intervallo (minimo e massimo) e scegliere «Stima»',
            'If the exact number is not known, give a range (minimum and maximum) and choose "Estimate"',
          ],
          relevant: "selected(${b2_tipologia}, 'stagionali')",
          required: 'yes',
          parameters: 'min=1 max=50000',
        },
        {
          type: 'reference_period',
          name: 'b3a_periodo',
          label: ['B3a. Periodo di massima presenza', 'B3a. Peak period'],
          relevant: "selected(${b2_tipologia}, 'stagionali')",
          required: 'yes',
          parameters: 'unit=month',
        },
        {
          type: 'range_estimate',
          name: 'b4_stanziali',
          label: [
            "B4. Lavoratori stranieri stanziali (presenti tutto l'anno)",
            'B4. Foreign workers living in the Comune all year',
          ],
          relevant: "selected(${b2_tipologia}, 'stanziali')",
          required: 'yes',
          parameters: 'min=1 max=50000',
        },
        {
          type: 'calculate',
          name: 'b_totale',
          calculation: 'coalesce(${b3_stagionali}, 0) + coalesce(${b4_stanziali}, 0)',
        },
        {
          type: 'select_multiple comparti or_other',
          name: 'b5_comparti',
          label: ['B5. In quali comparti lavorano prevalentemente?', 'B5. In which branches do they mostly work?'],
          required: 'yes',
        },
        {
          type: 'select_multiple provenienza',
          name: 'b6_provenienza',
          label: ['B6. Aree di provenienza prevalenti', 'B6. Main areas of origin'],
        },
        {
          type: 'select_one sn_ns',
          name: 'b7_senza_permesso',
          label: [
            'B7. Sono presenti lavoratori privi di permesso di soggiorno?',
            'B7. Are there workers without a residence permit?',
          ],
          required: 'yes',
        },
      ],
      { relevant: WORKERS },
    ),
  ],
);

const insediamento: SurveyRow[] = [
  {
    type: 'text',
    name: 'ins_localita',
    label: ["Località o denominazione dell'insediamento", 'Place or name of the settlement'],
    hint: [
      'Solo il nome della località, della frazione o della contrada: non indicare indirizzi né coordinate',
      'Only the name of the place or hamlet: no addresses, no coordinates',
    ],
    required: 'yes',
  },
  {
    type: 'select_one formale',
    name: 'ins_tipo',
    label: ['Tipo di insediamento', 'Kind of settlement'],
    required: 'yes',
  },
  {
    type: 'select_one tipo_formale',
    name: 'ins_tipologia_formale',
    label: ['Tipologia della struttura', 'Kind of facility'],
    relevant: "${ins_tipo} = 'formale'",
    required: 'yes',
  },
  {
    type: 'select_one tipo_informale',
    name: 'ins_tipologia_informale',
    label: ["Tipologia dell'insediamento informale", 'Kind of informal settlement'],
    relevant: "${ins_tipo} = 'informale'",
    required: 'yes',
  },
  {
    type: 'range_estimate',
    name: 'ins_persone',
    label: ['Persone che vi vivono nel periodo di massima presenza', 'People living there at the peak'],
    hint: [
      'Un numero, oppure un intervallo con la qualità della stima',
      'A number, or a range with how sure the figure is',
    ],
    required: 'yes',
    parameters: 'min=1 max=10000',
  },
  {
    type: 'select_one stagionalita',
    name: 'ins_stagionalita',
    label: ["L'insediamento è abitato", 'The settlement is lived in'],
    required: 'yes',
  },
  {
    type: 'reference_period',
    name: 'ins_periodo',
    label: ['Periodo in cui è abitato', 'Period when it is lived in'],
    relevant: "${ins_stagionalita} = 'stagionale'",
    required: 'yes',
    parameters: 'unit=month',
  },
  {
    type: 'select_multiple servizi or_other',
    name: 'ins_servizi',
    label: ['Servizi disponibili per chi vi abita', 'Services available to residents'],
    required: 'yes',
    constraint: EXCLUSIVE('nessuno'),
    constraint_message: [
      '«Nessuno» non può essere scelto insieme ad altri servizi',
      '"None" cannot be chosen together with other services',
    ],
  },
  {
    type: 'decimal',
    name: 'ins_distanza_km',
    label: ['Distanza media dai luoghi di lavoro (km)', 'Average distance from the workplaces (km)'],
    required: 'yes',
    constraint: '. >= 0 and . <= 200',
    constraint_message: ['La distanza deve essere tra 0 e 200 km', 'The distance must be between 0 and 200 km'],
  },
  {
    type: 'integer',
    name: 'ins_anni',
    label: ["Da quanti anni esiste l'insediamento?", 'How many years has the settlement existed?'],
    hint: ["0 se è sorto nell'ultimo anno", '0 if it appeared within the last year'],
    required: 'yes',
    constraint: '. >= 0 and . <= 60',
    constraint_message: ['Indicare un numero di anni tra 0 e 60', 'Give a number of years between 0 and 60'],
  },
];

const sezioneC: SurveyRow[] = section(
  'group',
  'sez_c',
  ['C. Condizioni abitative', 'C. Housing conditions'],
  [
    {
      type: 'select_multiple sistemazioni or_other',
      name: 'c1_sistemazioni',
      label: ['C1. Dove alloggiano prevalentemente i lavoratori?', 'C1. Where do the workers mostly live?'],
      required: 'yes',
      constraint: EXCLUSIVE('non_noto'),
      constraint_message: [
        '«Non noto» non può essere scelto insieme ad altre risposte',
        '"Not known" cannot be chosen together with other answers',
      ],
    },
    {
      type: 'select_one sn',
      name: 'c2_insediamenti',
      label: [
        'C2. Nel territorio comunale vi sono insediamenti (formali o informali) abitati da lavoratori del settore?',
        'C2. Are there settlements (formal or informal) lived in by agri-food workers in the Comune?',
      ],
      hint: [
        'Formali: strutture temporanee o permanenti allestite da soggetti pubblici o privati. Informali: insediamenti spontanei non autorizzati (casolari o edifici occupati, baracche, tende, roulotte)',
        'Formal: temporary or permanent facilities set up by public or private bodies. Informal: spontaneous unauthorised settlements (occupied farmhouses or buildings, shacks, tents, caravans)',
      ],
      required: 'yes',
    },
    {
      type: 'integer',
      name: 'c2a_numero',
      label: ['C2a. Quanti insediamenti?', 'C2a. How many settlements?'],
      relevant: SETTLEMENTS,
      required: 'yes',
      constraint: '. >= 1 and . <= 50',
      constraint_message: ['Indicare un numero tra 1 e 50', 'Give a number between 1 and 50'],
    },
    ...section('repeat', 'insediamenti', ['Insediamento', 'Settlement'], insediamento, {
      relevant: SETTLEMENTS,
      repeat_count: '${c2a_numero}',
    }),
    {
      type: 'calculate',
      name: 'c_persone_insediamenti',
      calculation: 'sum(${ins_persone})',
    },
  ],
  { relevant: WORKERS },
);

const sezioneD: SurveyRow[] = section(
  'group',
  'sez_d',
  ['D. Interventi del Comune', "D. The Comune's interventions"],
  [
    {
      type: 'select_one sn',
      name: 'd1_interventi',
      label: [
        "D1. Negli ultimi tre anni il Comune ha realizzato interventi per l'inclusione abitativa dei lavoratori?",
        'D1. In the last three years, has the Comune carried out housing inclusion measures for these workers?',
      ],
      required: 'yes',
    },
    {
      type: 'select_multiple interventi or_other',
      name: 'd2_tipi',
      label: ['D2. Quali interventi?', 'D2. Which measures?'],
      relevant: "${d1_interventi} = 'si'",
      required: 'yes',
    },
    {
      type: 'select_multiple fonti',
      name: 'd3_fonti',
      label: ['D3. Con quali fonti di finanziamento?', 'D3. With which funding?'],
      relevant: "${d1_interventi} = 'si'",
      required: 'yes',
    },
    {
      type: 'decimal',
      name: 'd4_importo',
      label: ['D4. Risorse impegnate complessivamente (euro)', 'D4. Total resources committed (euro)'],
      relevant: "${d1_interventi} = 'si'",
      constraint: '. >= 0',
      constraint_message: ["L'importo non può essere negativo", 'The amount cannot be negative'],
    },
  ],
  { relevant: WORKERS },
);

const sezioneE: SurveyRow[] = section(
  'group',
  'sez_e',
  ['E. Note e conferma', 'E. Notes and confirmation'],
  [
    {
      type: 'text',
      name: 'e1_note',
      label: ['E1. Osservazioni', 'E1. Remarks'],
      appearance: 'multiline',
    },
    {
      type: 'acknowledge',
      name: 'e2_conferma',
      label: [
        'Confermo che le informazioni fornite sono, per quanto noto al Comune, corrette',
        'I confirm that the information given is correct as far as the Comune knows',
      ],
      required: 'yes',
    },
  ],
);

export const censimento2021: XlsFormDescription = {
  settings: {
    form_id: 'censimento_abitativo_2021',
    version: '2021090101',
    title: [
      'Le condizioni abitative dei migranti che lavorano nel settore agro-alimentare',
      'Housing conditions of migrants working in the agri-food sector',
    ],
    style: 'pages',
    instance_name: "concat(${a1_comune}, ' – ', ${a1a_catastale})",
  },
  survey: [...sezioneA, ...sezioneB, ...sezioneC, ...sezioneD, ...sezioneE],
  choices: [
    ...list('sn', [
      ['si', 'Sì', 'Yes'],
      ['no', 'No', 'No'],
    ]),
    ...list('sn_ns', [
      ['si', 'Sì', 'Yes'],
      ['no', 'No', 'No'],
      ['non_so', 'Non so', "Don't know"],
    ]),
    ...roleChoices,
    ...list('presenza', [
      ['stagionali', 'Lavoratori stagionali', 'Seasonal workers'],
      ['stanziali', "Lavoratori stanziali (tutto l'anno)", 'Workers present all year'],
    ]),
    ...list('comparti', [
      ['ortofrutta', 'Raccolta ortofrutticola in campo aperto', 'Open-field fruit and vegetable harvest'],
      ['serre', 'Colture in serra', 'Greenhouse crops'],
      ['viticoltura', 'Viticoltura e vendemmia', 'Vineyards and grape harvest'],
      ['olivicoltura', 'Olivicoltura', 'Olive growing'],
      ['zootecnia', 'Zootecnia', 'Livestock'],
      ['trasformazione', 'Trasformazione e confezionamento', 'Processing and packing'],
      ['florovivaismo', 'Florovivaismo', 'Nurseries and flowers'],
    ]),
    ...list('provenienza', [
      ['africa_subsahariana', 'Africa subsahariana', 'Sub-Saharan Africa'],
      ['nord_africa', 'Nord Africa', 'North Africa'],
      ['europa_ue', 'Europa orientale (Unione europea)', 'Eastern Europe (EU)'],
      ['europa_extra_ue', 'Europa orientale (extra UE)', 'Eastern Europe (non-EU)'],
      [
        'asia_meridionale',
        'Asia meridionale (India, Pakistan, Bangladesh)',
        'South Asia (India, Pakistan, Bangladesh)',
      ],
      ['altre_aree', 'Altre aree', 'Other areas'],
    ]),
    ...list('sistemazioni', [
      ['abitazioni_private', 'Abitazioni private in affitto', 'Rented private homes'],
      ['alloggi_datore', 'Alloggi messi a disposizione dal datore di lavoro', 'Housing provided by the employer'],
      ['foresterie', 'Foresterie o strutture pubbliche', 'Public hostels or facilities'],
      ['accoglienza', 'Centri di accoglienza (SAI, CAS)', 'Reception centres (SAI, CAS)'],
      ['insediamenti_informali', 'Insediamenti informali', 'Informal settlements'],
      ['non_noto', 'Non noto', 'Not known'],
    ]),
    ...list('formale', [
      ['formale', 'Insediamento formale', 'Formal settlement'],
      ['informale', 'Insediamento informale', 'Informal settlement'],
    ]),
    ...list('tipo_formale', [
      ['foresteria', 'Foresteria pubblica', 'Public hostel'],
      ['accoglienza', 'Centro di accoglienza', 'Reception centre'],
      ['moduli_abitativi', 'Moduli abitativi o container', 'Housing modules or containers'],
      ['alloggi_aziendali', 'Alloggi aziendali', 'Company housing'],
    ]),
    ...list('tipo_informale', [
      ['casolari', 'Casolari o edifici rurali occupati', 'Occupied farmhouses or rural buildings'],
      ['edifici', 'Edifici abbandonati', 'Abandoned buildings'],
      ['baraccopoli', 'Baracche', 'Shacks'],
      ['tende', 'Tende', 'Tents'],
      ['roulotte', 'Roulotte o camper', 'Caravans or campers'],
    ]),
    ...list('stagionalita', [
      ['tutto_anno', "Tutto l'anno", 'All year'],
      ['stagionale', 'Solo in alcuni mesi', 'Only some months'],
    ]),
    ...list('servizi', [
      ['acqua', 'Acqua potabile', 'Drinking water'],
      ['elettricita', 'Energia elettrica', 'Electricity'],
      ['servizi_igienici', 'Servizi igienici', 'Toilets'],
      ['rifiuti', 'Raccolta dei rifiuti', 'Waste collection'],
      ['trasporto', 'Trasporto pubblico', 'Public transport'],
      ['nessuno', 'Nessuno', 'None'],
    ]),
    ...list('interventi', [
      ['foresterie', 'Realizzazione o gestione di foresterie', 'Building or running hostels'],
      ['contributi_affitto', "Contributi per l'affitto", 'Rent allowances'],
      ['mediazione_abitativa', 'Agenzia o mediazione abitativa', 'Housing agency or mediation'],
      ['trasporto', 'Trasporto verso i luoghi di lavoro', 'Transport to the workplaces'],
      ['igienico_sanitari', 'Servizi igienico-sanitari negli insediamenti', 'Sanitation in the settlements'],
      ['presidi_sanitari', 'Presidi sanitari mobili', 'Mobile health posts'],
      ['ricollocazione', 'Superamento di insediamenti e ricollocazione', 'Clearing settlements and rehousing'],
    ]),
    ...list('fonti', [
      ['bilancio_comunale', 'Bilancio comunale', "Comune's own budget"],
      ['regione', 'Fondi regionali', 'Regional funds'],
      ['pon_inclusione', 'PON Inclusione', 'PON Inclusione'],
      ['fami', 'FAMI', 'AMIF (FAMI)'],
      ['altri_fondi', 'Altri fondi nazionali o europei', 'Other national or EU funds'],
    ]),
  ],
};
