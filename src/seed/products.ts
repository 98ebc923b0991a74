/**
 * The demo catalogue: 50 real products from the public Olist e-commerce dataset (category,
 * weight, dimensions), with bilingual names, a price derived from the weight, an EAN-13 barcode
 * (GS1 China prefix, correct check digit) and, for some, a second internal barcode.
 */
import { readFileSync } from 'node:fs';
import type { SeedApi } from './api.js';

type OlistProduct = { olistId: string; category: string; weightG: number; lengthMm: number; heightMm: number; widthMm: number };

export type DemoProduct = {
  sku: string;
  /** The EAN-13 printed on the box: what pickers and packers scan. */
  ean: string;
  name: string;
  category: string;
  olistCategory: string;
  unitPrice: number;
  weightG: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
};

/** Olist's English category → how the demo names it, in English and Chinese. */
const CATEGORIES: Record<string, { en: string; zh: string }> = {
  perfumery: { en: 'Perfumery', zh: '香水' },
  art: { en: 'Art', zh: '艺术品' },
  sports_leisure: { en: 'Sports & Leisure', zh: '运动休闲' },
  baby: { en: 'Baby', zh: '母婴用品' },
  housewares: { en: 'Housewares', zh: '家居用品' },
  musical_instruments: { en: 'Musical Instruments', zh: '乐器' },
  cool_stuff: { en: 'Cool Stuff', zh: '潮流好物' },
  furniture_decor: { en: 'Furniture & Decor', zh: '家具装饰' },
  home_appliances: { en: 'Home Appliances', zh: '家用电器' },
  toys: { en: 'Toys', zh: '玩具' },
  bed_bath_table: { en: 'Bed, Bath & Table', zh: '床品卫浴餐桌' },
  computers_accessories: { en: 'Computer Accessories', zh: '电脑配件' },
  health_beauty: { en: 'Health & Beauty', zh: '健康美容' },
  luggage_accessories: { en: 'Luggage & Accessories', zh: '箱包配件' },
  garden_tools: { en: 'Garden Tools', zh: '园艺工具' },
  auto: { en: 'Auto', zh: '汽车用品' },
  telephony: { en: 'Telephony', zh: '手机通讯' },
  stationery: { en: 'Stationery', zh: '文具' },
  home_construction: { en: 'Home Construction', zh: '家装建材' },
  watches_gifts: { en: 'Watches & Gifts', zh: '手表礼品' },
  small_appliances: { en: 'Small Appliances', zh: '小家电' },
  construction_tools_safety: { en: 'Safety Tools', zh: '安全防护工具' },
  office_furniture: { en: 'Office Furniture', zh: '办公家具' },
  electronics: { en: 'Electronics', zh: '电子产品' },
  fashion_shoes: { en: 'Shoes', zh: '时尚鞋履' },
  fashion_bags_accessories: { en: 'Bags & Accessories', zh: '时尚包袋配饰' },
  computers: { en: 'Computers', zh: '电脑' },
  construction_tools_construction: { en: 'Construction Tools', zh: '施工工具' },
  pet_shop: { en: 'Pet Shop', zh: '宠物用品' },
  agro_industry_and_commerce: { en: 'Agro Industry', zh: '农产品' },
  furniture_living_room: { en: 'Living Room Furniture', zh: '客厅家具' },
};

/** Categories whose goods carry lots and expiry dates (FEFO picking). */
export const PERISHABLE = new Set(['perfumery', 'health_beauty', 'baby', 'pet_shop', 'agro_industry_and_commerce']);

/** GS1 prefix 690–699 is China; the company and item numbers are the demo's own. */
const EAN_COMPANY = '6901234';

export function ean13(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new Error(`EAN-13 needs 12 digits, got ${twelveDigits}`);
  const sum = [...twelveDigits].reduce((n, d, i) => n + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return twelveDigits + String((10 - (sum % 10)) % 10);
}

/** A shelf price that follows the weight roughly, ending in .90 as Chinese shops like. */
export function priceOf(weightG: number): number {
  return Math.floor(15 + 9 * Math.sqrt(weightG / 50)) + 0.9;
}

function readSample(): OlistProduct[] {
  return JSON.parse(readFileSync(new URL('./olist-sample.json', import.meta.url), 'utf8')) as OlistProduct[];
}

export async function seedProducts(api: SeedApi): Promise<DemoProduct[]> {
  const perCategory = new Map<string, number>();
  const products: DemoProduct[] = [];
  for (const [i, o] of readSample().entries()) {
    const n = i + 1;
    const label = CATEGORIES[o.category] ?? { en: o.category.replace(/_/g, ' '), zh: '商品' };
    const nth = (perCategory.get(o.category) ?? 0) + 1;
    perCategory.set(o.category, nth);
    const sku = `WL-${String(n).padStart(4, '0')}`;
    const ean = ean13(`${EAN_COMPANY}${String(10000 + n * 37).padStart(5, '0')}`);
    const p: DemoProduct = {
      sku,
      ean,
      name: `${label.en} ${label.zh} #${nth}`,
      category: label.en,
      olistCategory: o.category,
      unitPrice: priceOf(o.weightG),
      weightG: o.weightG,
      lengthMm: o.lengthMm,
      widthMm: o.widthMm,
      heightMm: o.heightMm,
    };
    // Every fifth item also carries the label the warehouse prints for goods without a readable code.
    const barcodes = n % 5 === 0 ? [ean, `INT-${String(n).padStart(6, '0')}`] : [ean];
    await api.post('/api/v1/products', {
      sku,
      name: p.name,
      category: p.category,
      unitPrice: p.unitPrice,
      weightG: p.weightG,
      lengthMm: p.lengthMm,
      widthMm: p.widthMm,
      heightMm: p.heightMm,
      barcodes,
      customFields: {
        origin: 'BR',
        olistId: o.olistId,
        olistCategory: o.category,
        ...(PERISHABLE.has(o.category) ? { shelfLifeDays: 540 } : {}),
      },
    });
    products.push(p);
  }
  return products;
}
