/** Who is signed in, where they land, and signing in and out. Shared by every surface. */
import { useQuery } from '@tanstack/react-query';
import { api, call } from './api';
import { isLanguage, setLanguage } from './i18n';
import type { paths } from './api-schema';

export type Me = paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];

export async function fetchMe(): Promise<Me | null> {
  const res = await api.GET('/api/v1/auth/me');
  if (res.response.status === 401) return null;
  if (!res.response.ok) throw new Error(`HTTP ${res.response.status}`);
  const me = res.data!;
  if (isLanguage(me.locale)) setLanguage(me.locale);
  return me;
}

export async function signIn(email: string, password: string): Promise<Me> {
  await call(api.POST('/api/v1/auth/login', { body: { email, password } }));
  const me = await fetchMe();
  if (!me) throw new Error('signed in but no session');
  return me;
}

export async function signOut(): Promise<void> {
  await api.POST('/api/v1/auth/logout');
}

/** The surface a person works on: operators on the handheld, everyone else on the console. */
export function homeOf(me: Me): '/floor' | '/' {
  const can = new Set(me.permissions);
  return can.has('orders.fulfil') && !can.has('orders.write') ? '/floor' : '/';
}

/** Remembers the language on the user, so it follows them to another device. */
export async function saveLanguage(lang: string): Promise<void> {
  if (!isLanguage(lang)) return;
  setLanguage(lang);
  await api.PATCH('/api/v1/auth/me', { body: { locale: lang } });
}

export function can(me: Me | null | undefined, permission: string): boolean {
  return !!me?.permissions.includes(permission);
}

/** Who is signed in, cached for every component of the page (null when nobody is). */
export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000 });
}
