/**
 * Errors as a person reads them: the problem+json `detail` (the API's words, naming what is
 * wrong), a plain sentence when the server cannot be reached, and field errors placed at the field.
 */
import { Alert } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, NetworkError } from '../../shared/api';
import { useTranslation } from '../../shared/i18n';

export function problemText(err: unknown, t: (k: string) => string): string {
  if (err instanceof ApiError) return err.problem.detail ?? err.problem.title ?? t('common.failed');
  if (err instanceof NetworkError) return t('common.network');
  return err instanceof Error ? err.message : t('common.failed');
}

/**
 * Puts each error the API names (`body.reason`, `querystring.sku`) on the form field of that name.
 * Answers whether any field took one, so the caller shows the rest as a whole-form message.
 */
export function placeFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const raw = err.problem.errors;
  const listed = Array.isArray(raw) ? (raw as Array<{ field?: string; message?: string }>) : [];
  const errors = listed.length ? listed : err.field ? [{ field: err.field, message: err.problem.detail }] : [];
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = errors
    .map((e) => ({ name: (e.field ?? '').replace(/^(body|querystring|params)\./, ''), errors: [e.message ?? err.message] }))
    .filter((f) => known.has(f.name));
  form.setFields(fields);
  return fields.length > 0;
}

export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon title={t('common.failed')} description={problemText(error, t)} role="alert" style={{ marginBottom: 16 }} />;
}
