// The one place that says where the API description comes from. Everything else imports
// `paths` from here, so switching from the temporary types to the generated schema is one line.
export type { paths } from './types';
