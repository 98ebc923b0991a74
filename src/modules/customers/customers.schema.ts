/**
 * The customers module's input and output shapes, as Zod schemas: the routes use them for
 * validation and OpenAPI, and the services re-check inputs from other modules with the same ones.
 */
import { EventDto } from '../../platform/events/dto.js';
import { z } from 'zod';
import { CUSTOMER_TYPES, LOCALES } from './events.js';
import { Phone } from '../../platform/http/schemas.js';

/** ISO 3166-1 alpha-2, the 249 officially assigned codes. */
export const COUNTRIES: ReadonlySet<string> = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

export const MAX_TAGS = 50;
export const MAX_CONTACTS = 100;
export const MAX_ADDRESSES = 100;

/** Tags are compared and stored trimmed, lower-case, with single spaces. */
export function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, ' ');
}
export const Tag = z
  .string()
  .max(200)
  .transform(normaliseTag)
  .pipe(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N} _.:-]{0,49}$/u, 'a tag is 1 to 50 letters, digits, spaces or _.:- and starts with a letter or digit'));
export const Tags = z.array(Tag).max(MAX_TAGS);

export const Code = z.string().trim().regex(/^[A-Za-z0-9._-]{1,32}$/, 'code is 1 to 32 letters, digits, "-", "_" or "."');
const Name = z.string().trim().min(1).max(200);
const Email = z.string().trim().max(254).pipe(z.email());
const Text = (max: number) => z.string().trim().min(1).max(max);
const ChatId = Text(128).regex(/^\S+$/, 'a chat id has no spaces').describe('the customer’s id on the chat channel (WeChat openid, a chat gateway’s user id …)');
const Country = z
  .string()
  .trim()
  .max(2)
  .transform((c) => c.toUpperCase())
  .refine((c) => COUNTRIES.has(c), 'country is an ISO 3166-1 alpha-2 code such as CN or US')
  .describe('ISO 3166-1 alpha-2, any case (CN, US)');

export const NewContactInput = z
  .object({ name: Name, role: Text(100).nullable().optional(), phone: Phone.nullable().optional(), email: Email.nullable().optional() })
  .strict();
export const ContactPatchInput = NewContactInput.partial().strict();

export const NewAddressInput = z
  .object({
    label: Text(50).nullable().optional().describe('home, office, …'),
    recipientName: Name,
    phone: Phone.nullable().optional(),
    country: Country.default('CN').describe('ISO 3166-1 alpha-2, any case; CN when absent'),
    province: Text(100).nullable().optional(),
    city: Text(100).nullable().optional(),
    district: Text(100).nullable().optional(),
    line1: Text(300),
    line2: Text(300).nullable().optional(),
    postalCode: Text(20).nullable().optional(),
    isDefault: z.boolean().optional().describe("defaults to true for a customer's first address"),
  })
  .strict();
export const AddressPatchInput = NewAddressInput.partial().extend({ country: Country.optional() }).strict();

export const NewCustomerInput = z
  .object({
    code: Code.optional().describe('generated as C000123 when absent'),
    name: Name,
    type: z.enum(CUSTOMER_TYPES).default('person'),
    phone: Phone.nullable().optional(),
    email: Email.nullable().optional(),
    chatId: ChatId.nullable().optional(),
    locale: z.enum(LOCALES).default('zh-CN'),
    tags: Tags.optional(),
    contacts: z.array(NewContactInput).max(20).optional(),
    addresses: z.array(NewAddressInput).max(20).optional(),
  })
  .strict();
export const CustomerPatchInput = z
  .object({ name: Name, type: z.enum(CUSTOMER_TYPES), phone: Phone.nullable(), email: Email.nullable(), chatId: ChatId.nullable(), locale: z.enum(LOCALES) })
  .partial()
  .strict();

export type NewContact = z.input<typeof NewContactInput>;
export type ContactPatch = z.input<typeof ContactPatchInput>;
export type NewAddress = z.input<typeof NewAddressInput>;
export type AddressPatch = z.input<typeof AddressPatchInput>;
export type NewCustomer = z.input<typeof NewCustomerInput>;
export type CustomerPatch = z.input<typeof CustomerPatchInput>;

export const ContactDto = z.object({
  id: z.number(),
  customerId: z.number(),
  name: z.string(),
  role: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const AddressDto = z.object({
  id: z.number(),
  customerId: z.number(),
  label: z.string().nullable(),
  recipientName: z.string(),
  phone: z.string().nullable(),
  country: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  line1: z.string(),
  line2: z.string().nullable(),
  postalCode: z.string().nullable(),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const CustomerSummaryDto = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.enum(CUSTOMER_TYPES),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  chatId: z.string().nullable(),
  locale: z.enum(LOCALES),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const CustomerDto = CustomerSummaryDto.extend({ contacts: z.array(ContactDto), addresses: z.array(AddressDto) });
export const NoteDto = z.object({ id: z.number(), customerId: z.number(), body: z.string(), author: z.string(), createdAt: z.string() });
export { EventDto };

export type Contact = z.infer<typeof ContactDto>;
export type Address = z.infer<typeof AddressDto>;
export type CustomerSummary = z.infer<typeof CustomerSummaryDto>;
export type Customer = z.infer<typeof CustomerDto>;
export type Note = z.infer<typeof NoteDto>;
