import type { components } from '../../../../api/schema';

type S = components['schemas'];
export type ActionList = S['PlanActionList'];
export type PlanAction = S['PlanAction'];
export type PlanIndicator = S['PlanIndicator'];
export type ActionCreate = S['PlanActionCreateInput'];
export type ActionPatch = S['PlanActionPatchInput'];
export type IndicatorsPut = S['PlanIndicatorsPutInput'];
export type MonitoringList = S['PlanMonitoringList'];
export type Monitoring = S['PlanMonitoring'];
export type MonitoringCreate = S['PlanMonitoringCreateInput'];
