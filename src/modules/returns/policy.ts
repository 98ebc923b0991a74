/**
 * The after-sales decisions as plain functions over plain data: may this line be returned (and
 * why not, in both languages), how many approvals a request needs, which inspection levels a
 * line goes through, and what the customer is told to do with the parcel.
 */
import type { Disposition, Grade, ReturnType } from './events.js';

export type ReturnPolicy = { category: string; returnable: boolean; returnWindowDays: number; repairWindowDays: number };
export type InspectionLevel = { name: string; minUnitValue: number };
export type ReturnSettings = {
  autoApproveMaxValue: number;
  secondApprovalMinValue: number;
  promiseDays: number;
  inspectionLevels: InspectionLevel[];
  gradeDispositions: Record<Grade, Disposition>;
};

/** A message for a person, in both languages the product speaks. */
export type Bilingual = { en: string; zh: string };
export const bilingual = (m: Bilingual) => `${m.en} / ${m.zh}`;

const DAY_MS = 86_400_000;

/** The policy of a category, else the default row '*'. */
export function policyFor(policies: readonly ReturnPolicy[], category: string | null): ReturnPolicy {
  const exact = category === null ? undefined : policies.find((p) => p.category === category);
  const fallback = policies.find((p) => p.category === '*');
  return exact ?? fallback ?? { category: '*', returnable: true, returnWindowDays: 7, repairWindowDays: 365 };
}

export type Eligibility = { ok: true; withinWindow: boolean; windowClosesAt: string } | { ok: false; reason: Bilingual };

/**
 * Whether a line of this category may be asked for with this request type, `since` being when
 * the customer got the goods (delivery, or shipment when delivery is unknown). A non-returnable
 * category refuses returns and exchanges outright; outside the window only staff may accept the
 * request (as goodwill, which then always needs a manual approval).
 */
export function eligibility(type: ReturnType, policy: ReturnPolicy, since: string, now: Date, sku: string, allowOutsideWindow: boolean): Eligibility {
  const label = policy.category === '*' ? 'this product' : `category ${policy.category}`;
  const zhLabel = policy.category === '*' ? '该商品' : `品类「${policy.category}」`;
  if (!policy.returnable && (type === 'return' || type === 'exchange')) {
    return {
      ok: false,
      reason: { en: `${sku}: ${label} cannot be returned or exchanged`, zh: `${sku}：${zhLabel}不支持退换货` },
    };
  }
  const days = type === 'repair' ? policy.repairWindowDays : policy.returnWindowDays;
  const closes = new Date(Date.parse(since) + days * DAY_MS);
  const withinWindow = now.getTime() <= closes.getTime();
  if (!withinWindow && !allowOutsideWindow) {
    const what = type === 'repair' ? { en: 'repair', zh: '保修' } : { en: 'return', zh: '退换货' };
    const date = closes.toISOString().slice(0, 10);
    return {
      ok: false,
      reason: { en: `${sku}: the ${days}-day ${what.en} period ended on ${date}`, zh: `${sku}：${days} 天${what.zh}期限已于 ${date} 结束` },
    };
  }
  return { ok: true, withinWindow, windowClosesAt: closes.toISOString() };
}

/** 0: approved at once; 1: one manual approval; 2: a first and a second approval by different users. */
export function approvalsRequired(value: number, withinWindow: boolean, s: Pick<ReturnSettings, 'autoApproveMaxValue' | 'secondApprovalMinValue'>): 0 | 1 | 2 {
  if (value > s.secondApprovalMinValue) return 2;
  if (withinWindow && value <= s.autoApproveMaxValue) return 0;
  return 1;
}

/** The levels (1-based, in order) a line of this unit price goes through. */
export function levelsFor(levels: readonly InspectionLevel[], unitPrice: number): Array<{ level: number; name: string }> {
  return levels.flatMap((l, i) => (unitPrice >= l.minUnitValue ? [{ level: i + 1, name: l.name }] : []));
}

export type Cents = number;
export const toCents = (amount: number): Cents => Math.round(amount * 100);
export const fromCents = (cents: Cents): number => cents / 100;

export type ReturnsAddress = { warehouseName: string; address: string | null };

/** What the customer is told once the request is approved: where to send it and what to write on it. */
export function returnInstructions(rmaNumber: string, to: ReturnsAddress, type: ReturnType): Bilingual & { address: string; rmaNumber: string } {
  const address = to.address ? `${to.warehouseName}, ${to.address}` : to.warehouseName;
  const what = type === 'repair' ? { en: 'the item to be repaired', zh: '需维修的商品' } : { en: 'the items', zh: '商品' };
  return {
    rmaNumber,
    address,
    en: `Your request ${rmaNumber} is approved. Pack ${what.en} with all accessories, write ${rmaNumber} clearly on the parcel and send it to: ${address}.`,
    zh: `您的售后申请 ${rmaNumber} 已通过审核。请将${what.zh}及全部配件包装好，在包裹上清楚写明 ${rmaNumber}，寄至：${address}。`,
  };
}

/** How a status reads to a customer. */
export const STATUS_LABELS: Record<string, Bilingual> = {
  requested: { en: 'Requested, awaiting review', zh: '已提交，等待审核' },
  awaiting_second_approval: { en: 'Under review', zh: '审核中' },
  approved: { en: 'Approved, please send the parcel', zh: '已通过，请寄回商品' },
  rejected: { en: 'Rejected', zh: '已拒绝' },
  received: { en: 'Parcel received', zh: '已收到退件' },
  inspected: { en: 'Inspected', zh: '已质检' },
  disposed: { en: 'Processed', zh: '已处理' },
  resolved: { en: 'Completed', zh: '已完成' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
};
