/**
 * The 2024 national survey of the Comuni over 15,000 inhabitants, "Servizi e strumenti di
 * governance dei Comuni per sostenere le vittime di sfruttamento lavorativo" (domain.md §6.3), as
 * an XLSForm: the Comune and the respondent, high-risk sectors and forms of exploitation, then
 * what the Comune activated — services, governance tools (tavoli, protocolli, PLM) and projects,
 * one entry per project. Written to indagine-2024.xlsx by `npm run demo:survey-forms`.
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

const RISK = "${b1_settori_rischio} = 'si'";
const ACTIVE = "${c1_attivato} = 'si'";
const did = (what: string) => `selected(\${c2_cosa}, '${what}')`;

const sezioneA: SurveyRow[] = section(
  'group',
  'sez_a',
  ['A. Il Comune e il rispondente', 'A. The Comune and the respondent'],
  [comuneName, respondentName, ...respondentRole, respondentOffice('A4'), respondentEmail('A5')],
);

const sezioneB: SurveyRow[] = section(
  'group',
  'sez_b',
  ['B. Settori a rischio e forme di sfruttamento', 'B. High-risk sectors and forms of exploitation'],
  [
    {
      type: 'select_one sn_ns',
      name: 'b1_settori_rischio',
      label: [
        'B1. Nel territorio comunale sono presenti settori ad alto rischio di sfruttamento lavorativo?',
        'B1. Are there sectors at high risk of labour exploitation in the Comune?',
      ],
      required: 'yes',
    },
    {
      type: 'select_multiple settori or_other',
      name: 'b2_settori',
      label: ['B2. Quali settori?', 'B2. Which sectors?'],
      relevant: RISK,
      required: 'yes',
    },
    {
      type: 'select_multiple forme or_other',
      name: 'b3_forme',
      label: [
        'B3. Quali forme di sfruttamento sono state rilevate sul territorio?',
        'B3. Which forms of exploitation have been observed?',
      ],
      hint: [
        'Gli indici di sfruttamento dell’art. 603-bis c.p. e gli indicatori ILO',
        'The indices of art. 603-bis of the Criminal Code and the ILO indicators',
      ],
      relevant: RISK,
      required: 'yes',
    },
    {
      type: 'select_multiple fonti_info',
      name: 'b4_fonti_info',
      label: ['B4. Da chi il Comune riceve informazioni sul fenomeno?', 'B4. Who informs the Comune about it?'],
      relevant: RISK,
    },
    {
      type: 'range_estimate',
      name: 'b5_persone',
      label: [
        'B5. Persone in condizione di sfruttamento seguite dai servizi del Comune negli ultimi 12 mesi',
        "B5. People in exploitation followed by the Comune's services in the last 12 months",
      ],
      hint: ['Se il dato non è disponibile scegliere «Non noto»', 'If the figure is not available choose "Unknown"'],
      relevant: RISK,
      required: 'yes',
      parameters: 'min=0 max=5000',
    },
  ],
);

const progetto: SurveyRow[] = [
  {
    type: 'text',
    name: 'prj_titolo',
    label: ['Titolo del progetto', 'Project title'],
    required: 'yes',
    constraint: 'string-length(.) <= 200',
    constraint_message: ['Il titolo può avere al massimo 200 caratteri', 'At most 200 characters'],
  },
  {
    type: 'select_one assi',
    name: 'prj_asse',
    label: ['Asse del Piano triennale', 'Axis of the three-year Plan'],
    required: 'yes',
  },
  {
    type: 'select_one fonti_prj',
    name: 'prj_fonte',
    label: ['Fonte di finanziamento principale', 'Main source of funding'],
    required: 'yes',
  },
  {
    type: 'reference_period',
    name: 'prj_periodo',
    label: ['Periodo di attuazione', 'Implementation period'],
    required: 'yes',
    parameters: 'unit=month',
  },
  {
    type: 'decimal',
    name: 'prj_importo',
    label: ['Importo del progetto (euro)', 'Project amount (euro)'],
    constraint: '. >= 0 and . <= 50000000',
    constraint_message: [
      "L'importo deve essere tra 0 e 50 milioni di euro",
      'The amount must be between 0 and 50 million euro',
    ],
  },
  {
    type: 'range_estimate',
    name: 'prj_persone',
    label: ['Persone raggiunte', 'People reached'],
    parameters: 'min=0 max=20000',
  },
];

const sezioneC: SurveyRow[] = section(
  'group',
  'sez_c',
  ['C. Servizi, strumenti di governance e progetti', 'C. Services, governance tools and projects'],
  [
    {
      type: 'select_one sn',
      name: 'c1_attivato',
      label: [
        'C1. Il Comune ha attivato, direttamente o con altri soggetti, servizi, progetti o strumenti di governance per la prevenzione e il contrasto dello sfruttamento lavorativo e il sostegno alle vittime?',
        'C1. Has the Comune, directly or with others, activated services, projects or governance tools to prevent and fight labour exploitation and support its victims?',
      ],
      required: 'yes',
    },
    {
      type: 'select_multiple attivazioni',
      name: 'c2_cosa',
      label: ['C2. Che cosa ha attivato?', 'C2. What has it activated?'],
      relevant: ACTIVE,
      required: 'yes',
    },
    {
      type: 'select_multiple servizi or_other',
      name: 'c3_servizi',
      label: ['C3. Quali servizi specifici?', 'C3. Which specific services?'],
      relevant: did('servizi'),
      required: 'yes',
    },
    {
      type: 'select_multiple governance or_other',
      name: 'c4_governance',
      label: ['C4. Quali strumenti di governance?', 'C4. Which governance tools?'],
      relevant: did('governance'),
      required: 'yes',
    },
    {
      type: 'date',
      name: 'c4a_plm_data',
      label: [
        'C4a. Data della delibera di adozione del Piano locale multisettoriale',
        'C4a. Date of the act adopting the local multi-sector plan (PLM)',
      ],
      relevant: "selected(${c4_governance}, 'plm')",
      required: 'yes',
      constraint: ". <= today() and . >= date('2020-01-01')",
      constraint_message: [
        'La data deve essere compresa tra il 1° gennaio 2020 e oggi',
        'The date must be between 1 January 2020 and today',
      ],
    },
    {
      type: 'integer',
      name: 'c5_n_progetti',
      label: ['C5. Quanti progetti?', 'C5. How many projects?'],
      relevant: did('progetti'),
      required: 'yes',
      constraint: '. >= 1 and . <= 20',
      constraint_message: ['Indicare un numero tra 1 e 20', 'Give a number between 1 and 20'],
    },
    ...section('repeat', 'progetti', ['Progetto', 'Project'], progetto, {
      relevant: did('progetti'),
      repeat_count: '${c5_n_progetti}',
    }),
    {
      type: 'calculate',
      name: 'c_importo_progetti',
      calculation: 'sum(${prj_importo})',
    },
    {
      type: 'select_multiple motivi or_other',
      name: 'c6_motivi',
      label: ['C6. Per quali motivi non sono stati attivati interventi?', 'C6. Why has nothing been activated?'],
      relevant: "${c1_attivato} = 'no'",
      required: 'yes',
    },
  ],
);

const sezioneD: SurveyRow[] = section(
  'group',
  'sez_d',
  ['D. Bisogni e conferma', 'D. Needs and confirmation'],
  [
    {
      type: 'select_multiple bisogni',
      name: 'd1_bisogni',
      label: ['D1. Di quale supporto avrebbe bisogno il Comune?', 'What support would the Comune need?'],
    },
    {
      type: 'text',
      name: 'd2_note',
      label: ['D2. Osservazioni', 'D2. Remarks'],
      appearance: 'multiline',
    },
    {
      type: 'acknowledge',
      name: 'd3_conferma',
      label: [
        'Confermo che le informazioni fornite sono, per quanto noto al Comune, corrette',
        'I confirm that the information given is correct as far as the Comune knows',
      ],
      required: 'yes',
    },
  ],
);

export const indagine2024: XlsFormDescription = {
  settings: {
    form_id: 'indagine_governance_2024',
    version: '2024050101',
    title: [
      'Servizi e strumenti di governance dei Comuni per sostenere le vittime di sfruttamento lavorativo',
      "The Comuni's services and governance tools to support victims of labour exploitation",
    ],
    style: 'pages',
    instance_name: '${a1_comune}',
  },
  survey: [...sezioneA, ...sezioneB, ...sezioneC, ...sezioneD],
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
    ...list('settori', [
      ['agricoltura', 'Agricoltura', 'Agriculture'],
      ['edilizia', 'Edilizia', 'Construction'],
      ['cura_domestico', 'Lavoro domestico e di cura', 'Domestic and care work'],
      ['ristorazione', 'Ristorazione', 'Restaurants'],
      ['turismo', 'Turismo e alberghi', 'Tourism and hotels'],
      ['logistica', 'Logistica e magazzini', 'Logistics and warehouses'],
      ['consegne', 'Consegne a domicilio (food delivery)', 'Food delivery'],
      ['manifattura', 'Manifattura (tessile, calzature)', 'Manufacturing (textiles, shoes)'],
      ['carni', 'Lavorazione delle carni', 'Meat processing'],
    ]),
    ...list('forme', [
      ['retribuzione', 'Retribuzioni molto inferiori ai contratti collettivi', 'Wages far below collective agreements'],
      ['orari', 'Violazione di orari, riposi e ferie', 'Breaches of working time, rest and leave'],
      ['sicurezza', 'Violazione delle norme di sicurezza', 'Breaches of health and safety rules'],
      ['alloggi', 'Condizioni alloggiative degradanti', 'Degrading housing'],
      ['intermediazione', 'Intermediazione illecita (caporalato)', 'Illegal gangmastering (caporalato)'],
      ['lavoro_nero', 'Lavoro irregolare (in nero)', 'Undeclared work'],
      ['documenti', 'Trattenimento dei documenti', 'Retention of identity documents'],
      ['violenza', 'Violenza o minacce', 'Violence or threats'],
      ['debito', 'Servitù per debiti', 'Debt bondage'],
    ]),
    ...list('fonti_info', [
      ['servizi_sociali', 'Servizi sociali', 'Social services'],
      ['polizia_locale', 'Polizia locale', 'Local police'],
      ['sindacati', 'Sindacati', 'Trade unions'],
      ['terzo_settore', 'Enti del terzo settore', 'Third-sector bodies'],
      ['ispettorato', 'Ispettorato del lavoro', 'Labour inspectorate'],
      ['prefettura', 'Prefettura', 'Prefettura'],
      ['cittadini', 'Segnalazioni di cittadini', "Citizens' reports"],
    ]),
    ...list('attivazioni', [
      ['servizi', 'Servizi specifici', 'Specific services'],
      ['governance', 'Strumenti di governance', 'Governance tools'],
      ['progetti', 'Progetti', 'Projects'],
    ]),
    ...list('servizi', [
      ['sportello', 'Sportello informativo', 'Information desk'],
      ['presa_in_carico', 'Presa in carico sociale', 'Social case management'],
      ['accoglienza', 'Accoglienza abitativa', 'Housing'],
      ['mediazione', 'Mediazione linguistico-culturale', 'Linguistic and cultural mediation'],
      ['orientamento_lavoro', 'Orientamento e inserimento lavorativo', 'Job guidance and placement'],
      ['legale', 'Orientamento legale', 'Legal guidance'],
      ['unita_strada', 'Unità di strada', 'Outreach units'],
    ]),
    ...list('governance', [
      ['tavolo_prefettura', 'Tavolo presso la Prefettura', 'Working group at the Prefettura'],
      ['tavolo_comunale', 'Tavolo comunale o di ambito', 'Municipal or district working group'],
      ['protocollo', "Protocollo d'intesa", 'Memorandum of understanding'],
      ['plm', 'Piano locale multisettoriale (PLM)', 'Local multi-sector plan (PLM)'],
      ['rete_qualita', 'Adesione alla Rete del lavoro agricolo di qualità', 'Quality agricultural work network'],
    ]),
    ...list('assi', [
      ['prevenzione', 'Prevenzione', 'Prevention'],
      ['vigilanza', 'Vigilanza e contrasto', 'Supervision and enforcement'],
      ['protezione', 'Protezione e assistenza', 'Protection and assistance'],
      ['reintegrazione', 'Reintegrazione socio-lavorativa', 'Social and labour reintegration'],
    ]),
    ...list('fonti_prj', [
      ['pon_inclusione', 'PON Inclusione', 'PON Inclusione'],
      ['fami', 'FAMI', 'AMIF (FAMI)'],
      ['pnrr', 'PNRR', 'NRRP (PNRR)'],
      ['regione', 'Fondi regionali', 'Regional funds'],
      ['bilancio_comunale', 'Bilancio comunale', "Comune's own budget"],
      ['privati', 'Fondazioni o privati', 'Foundations or private funds'],
    ]),
    ...list('motivi', [
      ['fenomeno_assente', 'Il fenomeno non è presente o non è rilevante', 'The phenomenon is absent or minor'],
      ['risorse', 'Mancanza di risorse economiche', 'Lack of funds'],
      ['personale', 'Mancanza di personale dedicato', 'Lack of dedicated staff'],
      ['competenza', 'Competenza di altri enti', 'Other bodies are responsible'],
    ]),
    ...list('bisogni', [
      ['formazione', 'Formazione del personale', 'Staff training'],
      ['progettazione', 'Supporto alla progettazione', 'Help with project design'],
      ['rendicontazione', 'Supporto alla rendicontazione', 'Help with reporting'],
      ['rete', 'Costruzione della rete territoriale', 'Building the local network'],
      ['dati', 'Dati e analisi sul fenomeno', 'Data and analysis'],
    ]),
  ],
};
