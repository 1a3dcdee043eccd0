/**
 * Named shapes used by the UI, derived from the API description rather than written again
 * (house style: no API type is written twice).
 */
import type { BodyOf, Get, Patch, Post, QueryOf, SuccessOf } from './operations';

export type Me = SuccessOf<Get<'/api/v1/me'>>;
export type Role = Me['roles'][number];
export type ScopeLevel = Me['scope']['level'];

export type Region = SuccessOf<Get<'/api/v1/regions'>>['items'][number];
export type Province = SuccessOf<Get<'/api/v1/provinces'>>['items'][number];
export type ComuniQuery = QueryOf<Get<'/api/v1/comuni'>>;
export type Comune = SuccessOf<Get<'/api/v1/comuni'>>['items'][number];
export type ComuneDetail = SuccessOf<Get<'/api/v1/comuni/{istatCode}'>>;
export type ComunePatch = BodyOf<Patch<'/api/v1/comuni/{istatCode}'>>;
export type Band = Comune['band'];
export type ComuniSort = NonNullable<ComuniQuery['sort']>;
export type DataSource = SuccessOf<Get<'/api/v1/registry/sources'>>['items'][number];

export type Organisation = SuccessOf<Get<'/api/v1/organisations'>>['items'][number];
export type OrganisationType = Organisation['type'];
export type OrganisationsQuery = QueryOf<Get<'/api/v1/organisations'>>;
export type OrganisationDetail = SuccessOf<Get<'/api/v1/organisations/{id}'>>;
export type OrganisationCreate = BodyOf<Post<'/api/v1/organisations'>>;
export type OrganisationUpdate = BodyOf<Patch<'/api/v1/organisations/{id}'>>;

export type User = SuccessOf<Get<'/api/v1/users'>>['items'][number];
export type UserStatus = User['status'];
export type UsersQuery = QueryOf<Get<'/api/v1/users'>>;
export type UserCreate = BodyOf<Post<'/api/v1/users'>>;
export type UserPatch = BodyOf<Patch<'/api/v1/users/{id}'>>;

export type AuditEntry = SuccessOf<Get<'/api/v1/audit'>>['items'][number];
export type AuditOutcome = AuditEntry['outcome'];
export type AuditQuery = QueryOf<Get<'/api/v1/audit'>>;
export type AuditVerification = SuccessOf<Get<'/api/v1/audit/verify'>>;
export type AuditActor = SuccessOf<Get<'/api/v1/audit/actors'>>['items'][number];
export type AuditOrganisation = SuccessOf<Get<'/api/v1/audit/organisations'>>['items'][number];

export type TotpSetup = SuccessOf<Post<'/api/v1/me/totp/setup'>>;
export type LoginBody = BodyOf<Post<'/api/v1/auth/login'>>;
