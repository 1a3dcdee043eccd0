// The one place that says where the API description comes from: the schema generated from the
// server's OpenAPI document (`npm run openapi`). Everything else imports `paths` from here.
export type { paths } from './schema';
