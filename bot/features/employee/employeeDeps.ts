import type { AssociationService } from '../../../services/association/associationService';
import type { Clock } from '../../../services/clock';
import type { OrgDirectory } from '../../../services/directory/orgDirectory';
import type { NoticePreferenceStore } from '../../../services/notices/conversationRefStore';
import type { NoticeScheduler } from '../../../services/notices/noticeScheduler';
import type { UniversityAssessmentStore } from '../../../services/university/universityAssessments';
import type { UniversityService } from '../../../services/university/universityService';

/** Notices as the employee's commands use them: scheduling, and each person's on/off setting. */
export interface NoticeControls {
  scheduler: Pick<NoticeScheduler, 'schedule'>;
  prefs: Pick<NoticePreferenceStore, 'noticesEnabled' | 'setNoticesEnabled'>;
}

export interface EmployeeDeps {
  associations: AssociationService;
  orgs: OrgDirectory;
  university: UniversityService;
  /** The imported assessments of Partner University accounts ("my certifications" lists those of the linked one). */
  universityAssessments?: Pick<UniversityAssessmentStore, 'get'>;
  clock: Clock;
  /** "Sign in with another Microsoft Learning account" is offered (OAUTH_CONNECTION_NAME is set). */
  signIn: boolean;
  /** Partner University is linked by signing in to it (UNIVERSITY_OAUTH_CONNECTION_NAME is set); otherwise not offered. */
  universitySignIn: boolean;
  /** Null when notices do not run: no "Notify me", no promise of a notice. */
  notices: NoticeControls | null;
}
