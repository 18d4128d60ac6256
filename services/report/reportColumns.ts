/**
 * Partner Center's "Trainings, exams and certifications" export (docs/DATA-FORMATS.md),
 * which is also the import format, plus the date each association started.
 */
export const PARTNER_CENTER_COLUMNS = [
  'MCPID',
  'IndividualFirstName',
  'IndividualLastName',
  'Email',
  'CorpEmail',
  'TrainingTitle',
  'TrainingType',
  'TrainingCompletionDate',
  'ExpirationDate',
  'ActivationStatus',
  'MpnId',
  'PartnerName',
] as const;

export const REPORT_COLUMNS = [...PARTNER_CENTER_COLUMNS, 'AssociationStartDate'] as const;

export type ReportColumn = (typeof REPORT_COLUMNS)[number];

/** One line of the report: one certification of one linked person, every cell plain text. */
export type ReportRow = Record<ReportColumn, string>;

/** R10, word for word in English, and its French counterpart. */
export const EMPTY_REPORT_MESSAGE = {
  en: 'No users found with skills data. Check to see whether users have associated their Learning or Partner University accounts with their profiles.',
  fr: 'Aucun utilisateur avec des données de compétences. Vérifiez si les utilisateurs ont associé leur compte Learning ou Université partenaire à leur profil.',
} as const;
