/**
 * The demo's 30 customers: people and companies across China (and a few English speakers), each
 * with a phone, an e-mail, a default address, tags, and for some a contact or a service note.
 */
import type { SeedApi } from './api.js';
import type { Random } from './random.js';

export type DemoCustomer = { id: number; name: string; province: string; city: string };

type Place = { province: string; city: string; district: string; line1: string; postalCode: string };

const PLACES: Place[] = [
  { province: '上海市', city: '上海市', district: '浦东新区', line1: '世纪大道 100 号', postalCode: '200120' },
  { province: '北京市', city: '北京市', district: '朝阳区', line1: '建国路 88 号', postalCode: '100022' },
  { province: '广东省', city: '广州市', district: '天河区', line1: '天河路 385 号', postalCode: '510620' },
  { province: '广东省', city: '深圳市', district: '南山区', line1: '高新南一道 9 号', postalCode: '518057' },
  { province: '浙江省', city: '杭州市', district: '西湖区', line1: '文三路 478 号', postalCode: '310013' },
  { province: '江苏省', city: '南京市', district: '鼓楼区', line1: '中山路 321 号', postalCode: '210008' },
  { province: '四川省', city: '成都市', district: '武侯区', line1: '人民南路四段 12 号', postalCode: '610041' },
  { province: '湖北省', city: '武汉市', district: '江汉区', line1: '解放大道 690 号', postalCode: '430022' },
  { province: '福建省', city: '厦门市', district: '思明区', line1: '中山路 168 号', postalCode: '361001' },
  { province: '山东省', city: '青岛市', district: '市南区', line1: '香港中路 76 号', postalCode: '266071' },
  { province: '陕西省', city: '西安市', district: '雁塔区', line1: '长安南路 88 号', postalCode: '710061' },
  { province: '天津市', city: '天津市', district: '和平区', line1: '南京路 189 号', postalCode: '300041' },
  { province: '江苏省', city: '苏州市', district: '工业园区', line1: '星湖街 328 号', postalCode: '215123' },
  { province: '湖南省', city: '长沙市', district: '岳麓区', line1: '麓山南路 932 号', postalCode: '410082' },
  { province: '重庆市', city: '重庆市', district: '渝中区', line1: '解放碑 民族路 188 号', postalCode: '400010' },
];

type Person = { name: string; email: string; locale: 'zh-CN' | 'en'; tags: string[]; note?: string; type?: 'company'; contact?: string };

const CUSTOMERS: Person[] = [
  { name: '王芳', email: 'wang.fang', locale: 'zh-CN', tags: ['vip', 'repeat buyer'], note: '偏好顺丰快递，工作日白天收货。' },
  { name: '李伟', email: 'li.wei', locale: 'zh-CN', tags: ['new'] },
  { name: '张敏', email: 'zhang.min', locale: 'zh-CN', tags: ['repeat buyer'] },
  { name: '刘洋', email: 'liu.yang', locale: 'zh-CN', tags: ['vip'] },
  { name: '陈静', email: 'chen.jing', locale: 'zh-CN', tags: ['new'] },
  { name: '杨磊', email: 'yang.lei', locale: 'zh-CN', tags: ['churn risk'], note: '曾投诉包装破损，发货请加强包装。' },
  { name: '赵丽', email: 'zhao.li', locale: 'zh-CN', tags: ['vip', 'high value'] },
  { name: '黄强', email: 'huang.qiang', locale: 'zh-CN', tags: [] },
  { name: '周婷', email: 'zhou.ting', locale: 'zh-CN', tags: ['new'] },
  { name: '吴军', email: 'wu.jun', locale: 'zh-CN', tags: ['repeat buyer'] },
  { name: '徐娜', email: 'xu.na', locale: 'zh-CN', tags: ['new'] },
  { name: '孙涛', email: 'sun.tao', locale: 'zh-CN', tags: [] },
  { name: '胡秀英', email: 'hu.xiuying', locale: 'zh-CN', tags: ['vip'] },
  { name: '朱明', email: 'zhu.ming', locale: 'zh-CN', tags: ['churn risk'] },
  { name: '高飞', email: 'gao.fei', locale: 'zh-CN', tags: ['new'] },
  { name: '林晓燕', email: 'lin.xiaoyan', locale: 'zh-CN', tags: ['repeat buyer', 'high value'] },
  { name: '何志刚', email: 'he.zhigang', locale: 'zh-CN', tags: [] },
  { name: '郭雪', email: 'guo.xue', locale: 'zh-CN', tags: ['new'] },
  { name: '马超', email: 'ma.chao', locale: 'zh-CN', tags: ['repeat buyer'] },
  { name: '罗琳', email: 'luo.lin', locale: 'zh-CN', tags: ['vip'] },
  { name: '上海悦家贸易有限公司', email: 'purchase@yuejia-trading', locale: 'zh-CN', tags: ['wholesale', 'corporate'], type: 'company', contact: '钱晓东', note: '批发客户，月结 30 天，发票抬头见合同。' },
  { name: '广州美妆汇商贸有限公司', email: 'order@meizhuanghui', locale: 'zh-CN', tags: ['wholesale', 'vip'], type: 'company', contact: '邓佩' },
  { name: '杭州启航文具有限公司', email: 'caigou@qihang-stationery', locale: 'zh-CN', tags: ['wholesale'], type: 'company', contact: '蒋文' },
  { name: '深圳智联电子科技有限公司', email: 'scm@zhilian-tech', locale: 'zh-CN', tags: ['corporate', 'new'], type: 'company', contact: 'Kevin Liang' },
  { name: 'Emily Carter', email: 'emily.carter', locale: 'en', tags: ['new'], note: 'Prefers English invoices; call before delivery.' },
  { name: 'James Wilson', email: 'james.wilson', locale: 'en', tags: ['vip'] },
  { name: 'Sophie Martin', email: 'sophie.martin', locale: 'en', tags: [] },
  { name: 'Daniel Kim', email: 'daniel.kim', locale: 'en', tags: ['repeat buyer'] },
  { name: 'Olivia Brown', email: 'olivia.brown', locale: 'zh-CN', tags: ['new'] },
  { name: '欧阳娜娜', email: 'ouyang.nana', locale: 'zh-CN', tags: ['high value'] },
];

const MOBILE_PREFIXES = ['138', '139', '137', '186', '159', '135', '136', '158', '188', '177'];
const FLATS = ['1 号楼 1202 室', '3 单元 501 室', '12 栋 2003 室', 'A 座 18 层', '2 号楼 301 室', '7 栋 1102 室'];

export async function seedCustomers(api: SeedApi, random: Random): Promise<DemoCustomer[]> {
  const out: DemoCustomer[] = [];
  for (const [i, c] of CUSTOMERS.entries()) {
    const place = PLACES[i % PLACES.length]!;
    const phone = `${MOBILE_PREFIXES[i % MOBILE_PREFIXES.length]}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    const email = c.email.includes('@') ? `${c.email}.example.com` : `${c.email}@example.com`;
    const recipient = c.contact ?? c.name;
    const created = await api.post<{ id: number }>('/api/v1/customers', {
      name: c.name,
      type: c.type ?? 'person',
      phone,
      email,
      locale: c.locale,
      tags: c.tags,
      ...(c.contact ? { contacts: [{ name: c.contact, role: '采购 Purchasing', phone, email }] } : {}),
      addresses: [
        {
          label: c.type === 'company' ? 'office' : 'home',
          recipientName: recipient,
          phone,
          country: 'CN',
          province: place.province,
          city: place.city,
          district: place.district,
          line1: place.line1,
          line2: FLATS[i % FLATS.length],
          postalCode: place.postalCode,
          isDefault: true,
        },
      ],
    });
    if (c.note) await api.post(`/api/v1/customers/${created.id}/notes`, { body: c.note });
    out.push({ id: created.id, name: c.name, province: place.province, city: place.city });
  }
  return out;
}
