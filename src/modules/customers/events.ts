/** Events the customers module writes; every one carries the customer's id (the timeline). */
export const CUSTOMER_EVENTS = {
  customerCreated: 'customer.created',
  customerUpdated: 'customer.updated',
  customerTagged: 'customer.tagged',
  customerUntagged: 'customer.untagged',
  noteAdded: 'customer.note_added',
  contactAdded: 'customer.contact_added',
  contactUpdated: 'customer.contact_updated',
  contactRemoved: 'customer.contact_removed',
  addressAdded: 'customer.address_added',
  addressUpdated: 'customer.address_updated',
  addressRemoved: 'customer.address_removed',
} as const;

export type CustomerEvent = (typeof CUSTOMER_EVENTS)[keyof typeof CUSTOMER_EVENTS];

export const CUSTOMER_TYPES = ['person', 'company'] as const;
export const LOCALES = ['zh-CN', 'en'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type Locale = (typeof LOCALES)[number];

/** Payloads, by event. `changed` lists the API field names whose value changed. */
export type CustomerEventPayloads = {
  'customer.created': { code: string; name: string; type: CustomerType };
  'customer.updated': { changed: string[] };
  'customer.tagged': { tags: string[] };
  'customer.untagged': { tags: string[] };
  'customer.note_added': { noteId: number; body: string };
  'customer.contact_added': { contactId: number; name: string };
  'customer.contact_updated': { contactId: number; changed: string[] };
  'customer.contact_removed': { contactId: number };
  'customer.address_added': { addressId: number; isDefault: boolean; country: string; city: string | null };
  'customer.address_updated': { addressId: number; changed: string[] };
  'customer.address_removed': { addressId: number; wasDefault: boolean };
};
