import { FeatureHandlers } from '../handlerTypes';
import { answerTypedCardReply, faqHandlers, showHelp } from './helpHandler';
import { confirmLink, LINK_CONFIRM, LINK_SIGN_IN, LINK_START, signInFromCard, startLink, startLinkFromCard } from './linkHandler';
import { confirmRemove, startRemove, UNLINK_CONFIRM } from './removeHandler';
import { showStatus } from './statusHandler';
import { showCertifications } from './certificationsHandler';
import { confirmUniversityLink, removeUniversity, startUniversityLink, UNIVERSITY_USE_EMAIL } from './universityHandler';

export const employeeHandlers: FeatureHandlers = {
  messages: {
    link: startLink,
    remove: startRemove,
    status: showStatus,
    certifications: showCertifications,
    'university.link': startUniversityLink,
    'university.remove': removeUniversity,
    help: showHelp,
    cardAnswer: answerTypedCardReply,
    ...faqHandlers,
  },
  cardActions: {
    [LINK_CONFIRM]: confirmLink,
    [LINK_SIGN_IN]: signInFromCard,
    [UNLINK_CONFIRM]: confirmRemove,
    [UNIVERSITY_USE_EMAIL]: confirmUniversityLink,
  },
  // "Link now" on a notice, an invitation or the status card starts the clicker's own link flow, like typing it.
  publicCardActions: { [LINK_START]: startLinkFromCard },
  personalOnly: ['link', 'remove', 'status', 'certifications', 'university.link', 'university.remove'],
  // Their answer is a confirmation card, kept in the conversation state until clicked.
  sessionIntents: ['link', 'remove', 'university.link'],
  readAhead: {
    messages: { link: ['mine', 'byEmail'], status: ['mine', 'byEmail'], certifications: ['mine', 'byEmail'], remove: ['mine'] },
    cardActions: { [LINK_CONFIRM]: ['mine', 'cardRecord', 'cardProfile'], [LINK_START]: ['mine', 'byEmail'] },
  },
};
