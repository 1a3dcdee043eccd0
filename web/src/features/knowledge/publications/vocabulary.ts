/** The words of the publications shared with the server (kinds, states, axes, accessibility issues): one source for both sides. */
export {
  accessibilityIssues,
  publicationKinds,
  publicationStatuses,
  publicationTopics,
  type AccessibilityIssue,
  type PublicationKind,
  type PublicationStatus,
  type PublicationTopic,
} from '../../../../../server/modules/knowledge/publications/publications.vocabulary';
