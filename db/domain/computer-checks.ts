// Computers' security fields and their check log (seed §2 计算机网络, §4 监控): the words the registers print, the
// exports write and the screens show, in the three languages. Pure: the renderer imports it as the backend does.
import type { Term } from './terms';

/** 病毒查杀, 系统升级, 违规外联检查, 保密检查: the periodic checks of a computer. */
export const CHECK_KINDS = ['antivirus', 'system_update', 'outbound', 'secrecy'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
export const CHECK_RESULTS = ['normal', 'problems'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const CHECK_KIND_TERMS: Record<CheckKind, Term> = {
  antivirus: ['病毒查杀', '病毒查殺', 'Virus scan'],
  system_update: ['系统升级', '系統升級', 'System update'],
  outbound: ['违规外联检查', '違規外聯檢查', 'Outbound connection check'],
  secrecy: ['保密检查', '保密檢查', 'Secrecy check'],
};

export const CHECK_RESULT_TERMS: Record<CheckResult, Term> = {
  normal: ['正常', '正常', 'Normal'],
  problems: ['发现问题', '發現問題', 'Problems found'],
};

/** A security field as recorded: installed, not installed, or nothing recorded (a computer registered before). */
export type Installed = boolean | null;
export const INSTALLED_TERMS: Record<'yes' | 'no' | 'unknown', Term> = {
  yes: ['已安装', '已安裝', 'Installed'],
  no: ['未安装', '未安裝', 'Not installed'],
  unknown: ['未记录', '未記錄', 'Not recorded'],
};
export const installedKey = (v: Installed): keyof typeof INSTALLED_TERMS => (v === null ? 'unknown' : v ? 'yes' : 'no');

/** One security product on a computer: its name and version (三合一 V3.2, 奇安信天擎 10.0). */
export interface SecurityProduct {
  name: string;
  version: string;
}
export const MAX_SECURITY_PRODUCTS = 10;

/** The products as one cell prints them and an import reads them back: 名称 版本、名称 版本. */
export function securityProductsText(products: readonly SecurityProduct[], separator = '、'): string {
  return products.map((p) => [p.name, p.version].filter(Boolean).join(' ')).join(separator);
}

/** A cell of products read back: split at 、,; or a line, each one's last word its version when it holds a digit. */
export function parseSecurityProducts(text: string): SecurityProduct[] {
  return text
    .split(/[、,，;；\n]+/u)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(.*\S)\s+(\S*\d\S*)$/u.exec(s);
      return m ? { name: m[1]!, version: m[2]! } : { name: s, version: '' };
    });
}

/** Why the annual pack's 三合一 / 违规外联监控 check names a computer. */
export const MONITORING_EXCEPTION_TERMS: Record<'monitoringMissing' | 'monitoringUnknown' | 'threeInOneMissing' | 'threeInOneUnknown', Term> = {
  monitoringMissing: ['未安装违规外联监控', '未安裝違規外聯監控', 'no outbound monitoring'],
  monitoringUnknown: ['未记录违规外联监控', '未記錄違規外聯監控', 'outbound monitoring not recorded'],
  threeInOneMissing: ['未安装三合一', '未安裝三合一', 'no 3-in-1'],
  threeInOneUnknown: ['未记录三合一', '未記錄三合一', '3-in-1 not recorded'],
};

export const COMPUTER_CHECKS_TITLE: Term = ['计算机检查记录', '計算機檢查記錄', 'Computer check record'];
