// 信息公开保密审查 (先审查后公开, 一事一审): the words of the publication review register in the three languages,
// and its codes (decisions, channels, states). The rules live in db/ledger/publication/.
import type { Term } from './terms';

/** 同意公开 / 修改后公开 / 不予公开. */
export const PUBLICATION_DECISIONS = ['approve', 'approve_with_changes', 'refuse'] as const;
export type PublicationDecision = (typeof PUBLICATION_DECISIONS)[number];

export const PUBLICATION_DECISION_TERMS: Record<PublicationDecision, Term> = {
  approve: ['同意公开', '同意公開', 'Approved for publication'],
  approve_with_changes: ['修改后公开', '修改後公開', 'Publish after changes'],
  refuse: ['不予公开', '不予公開', 'Not to be published'],
};

/** Where an item is proposed to be published. */
export const PUBLICATION_CHANNELS = ['website', 'notice_board', 'document_release', 'media', 'other'] as const;
export type PublicationChannel = (typeof PUBLICATION_CHANNELS)[number];

export const PUBLICATION_CHANNEL_TERMS: Record<PublicationChannel, Term> = {
  website: ['网站', '網站', 'Website'],
  notice_board: ['公开栏', '公開欄', 'Notice board'],
  document_release: ['文件发布', '文件發布', 'Document release'],
  media: ['新闻媒体', '新聞媒體', 'News media'],
  other: ['其他', '其他', 'Other'],
};

/**
 * Where a review stands: 待审查 (no decision yet), 待修改 (修改后公开, the changes not yet confirmed), 可公开 (cleared),
 * 已公开, 不予公开, 已撤回 (withdrawn before a decision).
 */
export const PUBLICATION_STATES = ['pending', 'awaiting_changes', 'cleared', 'published', 'refused', 'withdrawn'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export const PUBLICATION_STATE_TERMS: Record<PublicationState, Term> = {
  pending: ['待审查', '待審查', 'Awaiting review'],
  awaiting_changes: ['待修改', '待修改', 'Awaiting changes'],
  cleared: ['可公开', '可公開', 'Cleared for publication'],
  published: ['已公开', '已公開', 'Published'],
  refused: ['不予公开', '不予公開', 'Not to be published'],
  withdrawn: ['已撤回', '已撤回', 'Withdrawn'],
};

/** How an approver gave a decision or a confirmation: signed in themselves, or countersigned on the spot. */
export const PUBLICATION_WAY_TERMS: Record<'in_app' | 'on_the_spot', Term> = {
  in_app: ['本人登录签核', '本人登錄簽核', 'Signed in'],
  on_the_spot: ['当面签核', '當面簽核', 'Countersigned on the spot'],
};

/** The register's number: GK-2026-001 (公开审查). */
export const PUBLICATION_REVIEW_PREFIX = 'GK';

/** What a telegram's publication records: its headers and codes removed (删除电报格式的报头等). */
export const HEADERS_REMOVED_TERM: Term = ['已删除电报报头等', '已刪除電報報頭等', 'Telegram headers and codes removed'];

/** The audit log's words for the register's commands, the fields their entries hold and the codes among the values. */
export const PUBLICATION_AUDIT_ACTION_TERMS: Record<string, Term> = {
  'publication.open': ['信息公开送审登记', '信息公開送審登記', 'Submit an item for publication review'],
  'publication.decide': ['信息公开审查决定', '信息公開審查決定', 'Decide a publication review'],
  'publication.confirmChanges': ['确认已按审查意见修改', '確認已按審查意見修改', 'Confirm the changes a review asked'],
  'publication.publish': ['登记信息公开', '登記信息公開', 'Record a publication'],
  'publication.withdraw': ['撤回公开审查', '撤回公開審查', 'Withdraw a publication review'],
  'publication.list': ['查看信息公开审查', '查看信息公開審查', 'List publication reviews'],
  'publication.get': ['查看公开审查', '查看公開審查', 'View a publication review'],
  'publication.year': ['查看年度公开审查统计', '查看年度公開審查統計', 'View a year’s publication reviews'],
};

export const PUBLICATION_AUDIT_FIELD_TERMS: Record<string, Term> = {
  telegram: ['密码电报', '密碼電報', 'Telegram'],
  abstract: ['内容摘要', '內容摘要', 'Summary of contents'],
  submittedBy: ['承办人', '承辦人', 'Submitted by'],
  verdict: ['审查意见', '審查意見', 'Decision'],
  reasons: ['审查理由', '審查理由', 'Reasons'],
  changes: ['须修改的内容', '須修改的內容', 'Changes required'],
  countersign: ['当面签核', '當面簽核', 'Countersignature'],
  headersRemoved: ['已删除电报报头等', '已刪除電報報頭等', 'Telegram headers removed'],
  state: ['审查状态', '審查狀態', 'Review state'],
  publicationChannel: ['公开渠道', '公開渠道', 'Channel'],
  reviewer: ['审查人', '審查人', 'Reviewer'],
  signedWay: ['签核方式', '簽核方式', 'Signed'],
};

export const PUBLICATION_AUDIT_VALUE_TERMS: Record<string, Readonly<Record<string, Term>>> = {
  verdict: PUBLICATION_DECISION_TERMS,
  publicationChannel: PUBLICATION_CHANNEL_TERMS,
  signedWay: PUBLICATION_WAY_TERMS,
  state: PUBLICATION_STATE_TERMS,
};

/** 信息公开保密审查登记表: the printed register's title. */
export const PUBLICATION_SHEET_TITLE: Term = ['信息公开保密审查登记表', '信息公開保密審查登記表', 'Register of secrecy reviews before publication'];

/** The register's column headings (and its filter's), by key. */
export const PUBLICATION_COLUMN_TERMS = {
  pubReviewNo: ['审查编号', '審查編號', 'Review no.'],
  pubOpenedAt: ['送审日期', '送審日期', 'Submitted'],
  pubTitle: ['拟公开信息', '擬公開信息', 'Item to be published'],
  pubDepartment: ['送审部门', '送審部門', 'Department'],
  pubSubmittedBy: ['承办人', '承辦人', 'Submitted by'],
  pubChannel: ['公开方式', '公開方式', 'Channel'],
  pubVerdict: ['审查意见', '審查意見', 'Decision'],
  pubReasons: ['审查理由及修改要求', '審查理由及修改要求', 'Reasons and changes required'],
  pubReviewer: ['审查人', '審查人', 'Reviewer'],
  pubDecidedAt: ['审查日期', '審查日期', 'Reviewed on'],
  pubOutcome: ['公开情况', '公開情況', 'Publication'],
  pubState: ['审查状态', '審查狀態', 'State'],
} as const satisfies Record<string, Term>;
