/**
 * TEMPORARY hand-written API description, in the exact shape that `openapi-typescript` generates,
 * so that switching to the generated `schema.d.ts` only changes the import in `paths.ts`.
 * Delete this file once `openapi.json` exists and `npm run openapi` has produced the schema.
 */

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type Problem = {
  headers: { [name: string]: unknown };
  content: {
    'application/problem+json': {
      type: string;
      title: string;
      status: number;
      code: string;
      detail?: string;
      errors?: { path: string; message: string; code: string }[];
    };
  };
};
type Body<T> = { content: { 'application/json': T } };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

type OrganisationType =
  | 'mlps' | 'anci' | 'cittalia' | 'regione' | 'comune' | 'ente_gestore' | 'prefettura' | 'questura'
  | 'inl' | 'asl' | 'cpi' | 'sindacato' | 'terzo_settore' | 'societa_revisione' | 'piattaforma' | 'altro';
type Role =
  | 'operatore' | 'referente_comunale' | 'responsabile_amministrativo' | 'revisore' | 'regione'
  | 'assistenza_tecnica' | 'mlps' | 'amministratore';
type Band = 'lt15k' | '15k-50k' | '50k-100k' | '100k-200k' | 'gt200k';

type Me = {
  user: { id: string; email: string; displayName: string; totpEnabled: boolean };
  organisation: {
    id: string; type: OrganisationType; name: string; comuneIstat: string | null; comuneName: string | null;
    regionCode: string | null; regionName: string | null;
  };
  roles: Role[];
  permissions: string[];
  scope: { level: 'comune' | 'regione' | 'national' | 'platform'; comuneIstat: string | null; regionCode: string | null };
  demoMode: boolean;
  mustEnrolTotp: boolean;
};
type Comune = {
  istatCode: string; name: string; nameAlt: string | null; codiceCatastale: string | null;
  provinceCode: string; provinceSigla: string; provinceName: string; regionCode: string; regionName: string;
  population: number; populationMonth: string; band: Band; saiNetwork: boolean; pilot18ter: boolean;
};
type Organisation = {
  id: string; type: OrganisationType; name: string; comuneIstat: string | null; comuneName: string | null;
  regionCode: string | null; regionName: string | null; createdAt: string;
};
type User = {
  id: string; email: string; displayName: string; organisationId: string; organisationName: string;
  roles: Role[]; status: 'active' | 'disabled'; totpEnabled: boolean; lastLoginAt: string | null; createdAt: string;
};
type AuditEntry = {
  id: string; seq: number; occurredAt: string; actorUserId: string | null; actorEmail: string | null;
  actorOrganisationId: string | null; actorOrganisationName: string | null; tenantComune: string | null;
  action: string; entityType: string | null; entityId: string | null; outcome: 'success' | 'failure' | 'denied';
  details: { [key: string]: unknown };
};

export interface paths {
  '/api/v1/auth/csrf': { get: { parameters: NoParams; responses: { 200: Json<{ token: string }> } } };
  '/api/v1/auth/info': { get: { parameters: NoParams; responses: { 200: Json<{ demoMode: boolean }> } } };
  '/api/v1/auth/login': {
    post: {
      parameters: NoParams;
      requestBody: Body<{ email: string; password: string; totp?: string }>;
      responses: { 200: Json<Me>; 400: Problem; 401: Problem; 429: Problem };
    };
  };
  '/api/v1/auth/logout': { post: { parameters: NoParams; responses: { 204: NoContent } } };
  '/api/v1/me': { get: { parameters: NoParams; responses: { 200: Json<Me>; 401: Problem } } };
  '/api/v1/me/password': {
    post: {
      parameters: NoParams;
      requestBody: Body<{ currentPassword: string; newPassword: string }>;
      responses: { 204: NoContent; 400: Problem };
    };
  };
  '/api/v1/me/totp/setup': {
    post: {
      parameters: NoParams;
      requestBody: Body<Record<string, never>>;
      responses: { 200: Json<{ secret: string; otpauthUrl: string; qrSvg: string }> };
    };
  };
  '/api/v1/me/totp/confirm': {
    post: { parameters: NoParams; requestBody: Body<{ code: string }>; responses: { 204: NoContent; 400: Problem } };
  };
  '/api/v1/regions': {
    get: { parameters: NoParams; responses: { 200: Json<{ items: { code: string; name: string; macroArea: string }[] }> } };
  };
  '/api/v1/provinces': {
    get: {
      parameters: { query?: { region?: string }; header?: never; path?: never; cookie?: never };
      responses: { 200: Json<{ items: { code: string; sigla: string; name: string; regionCode: string }[] }> };
    };
  };
  '/api/v1/comuni': {
    get: {
      parameters: {
        query?: {
          q?: string; region?: string; province?: string; band?: Band; saiNetwork?: boolean; pilot18ter?: boolean;
          page?: number; pageSize?: number; sort?: 'name' | '-name' | 'population' | '-population' | 'istatCode';
        };
        header?: never; path?: never; cookie?: never;
      };
      responses: { 200: Json<Page<Comune>>; 400: Problem };
    };
  };
  '/api/v1/comuni/{istatCode}': {
    get: {
      parameters: { query?: never; header?: never; path: { istatCode: string }; cookie?: never };
      responses: { 200: Json<Comune & { macroArea: string; organisations: Organisation[] }>; 404: Problem };
    };
    patch: {
      parameters: { query?: never; header?: never; path: { istatCode: string }; cookie?: never };
      requestBody: Body<{ saiNetwork?: boolean; pilot18ter?: boolean }>;
      responses: { 200: Json<Comune>; 400: Problem; 403: Problem; 404: Problem };
    };
  };
  '/api/v1/registry/sources': {
    get: {
      parameters: NoParams;
      responses: {
        200: Json<{
          items: { id: string; title: string; licence: string; referenceDate: string; attribution: string; url: string }[];
        }>;
      };
    };
  };
  '/api/v1/organisations': {
    get: {
      parameters: {
        query?: { q?: string; type?: OrganisationType; region?: string; comune?: string; page?: number; pageSize?: number };
        header?: never; path?: never; cookie?: never;
      };
      responses: { 200: Json<Page<Organisation>> };
    };
    post: {
      parameters: NoParams;
      requestBody: Body<{ type: OrganisationType; name: string; comuneIstat?: string; regionCode?: string }>;
      responses: { 201: Json<Organisation>; 400: Problem; 403: Problem };
    };
  };
  '/api/v1/organisations/{id}': {
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      responses: { 200: Json<Organisation & { users: { id: string; displayName: string; roles: Role[] }[] }>; 404: Problem };
    };
    patch: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody: Body<{ name: string }>;
      responses: { 200: Json<Organisation>; 400: Problem; 403: Problem; 404: Problem };
    };
  };
  '/api/v1/users': {
    get: {
      parameters: {
        query?: {
          q?: string; organisationId?: string; role?: Role; status?: 'active' | 'disabled'; page?: number; pageSize?: number;
        };
        header?: never; path?: never; cookie?: never;
      };
      responses: { 200: Json<Page<User>> };
    };
    post: {
      parameters: NoParams;
      requestBody: Body<{ email: string; displayName: string; organisationId: string; roles: Role[]; password: string }>;
      responses: { 201: Json<User>; 400: Problem; 403: Problem; 409: Problem };
    };
  };
  '/api/v1/users/{id}': {
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      responses: { 200: Json<User>; 404: Problem };
    };
    patch: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody: Body<{ displayName?: string; roles?: Role[]; status?: 'active' | 'disabled' }>;
      responses: { 200: Json<User>; 400: Problem; 404: Problem; 409: Problem };
    };
  };
  '/api/v1/users/{id}/password': {
    post: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody: Body<{ newPassword: string }>;
      responses: { 204: NoContent; 400: Problem; 404: Problem };
    };
  };
  '/api/v1/audit': {
    get: {
      parameters: {
        query?: {
          actorUserId?: string; organisationId?: string; entityType?: string; action?: string; from?: string; to?: string;
          page?: number; pageSize?: number;
        };
        header?: never; path?: never; cookie?: never;
      };
      responses: { 200: Json<Page<AuditEntry>> };
    };
  };
  '/api/v1/audit/verify': {
    get: { parameters: NoParams; responses: { 200: Json<{ ok: boolean; checked: number; firstInvalidSeq: number | null }> } };
  };
}
