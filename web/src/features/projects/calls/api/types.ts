import type { BodyOf, Get, Post, SuccessOf } from '../../../../api/operations';

export type CallSummary = SuccessOf<Get<'/api/v1/funding-calls'>>['items'][number];
export type CallDetail = SuccessOf<Get<'/api/v1/funding-calls/{callId}'>>;
export type CallVersion = CallDetail['versions'][number];
export type Rules = CallVersion['rules'];
export type FundingSource = SuccessOf<Get<'/api/v1/funding-sources'>>['items'][number];
export type CallCreate = BodyOf<Post<'/api/v1/funding-calls'>>;
export type SourceCreate = BodyOf<Post<'/api/v1/funding-sources'>>;
