/**
 * Partner Center's "Trainings, exams and certifications" export (docs/DATA-FORMATS.md),
 * which is also the import format, plus the date each association started.
 */
import { say } from '../i18n/say';

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
export const EMPTY_REPORT_MESSAGE = { en: say('en', 'reportEmpty'), fr: say('fr', 'reportEmpty') } as const;
