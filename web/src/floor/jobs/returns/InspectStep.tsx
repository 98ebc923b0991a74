/**
 * Inspection (质检), line by line and level by level (a level applies from its unit value up, so a
 * dear item also gets e.g. a final approval): the category's checklist answered in full, the
 * received units split into grades A (as new), B (open-box), C (needs repair) and scrap, a note
 * and photos. Scanning a product picks its line.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, newIdempotencyKey } from '../../../shared/api';
import { useTranslation } from '../../../shared/i18n';
import { productByCode } from '../../data';
import { useTaskState } from '../../device-state';
import { useScanHandler } from '../../scan/ScanProvider';
import { ErrorLine, Loading, Prompt, useFeedback } from '../../ui';
import { PhotoPicker } from '../common/photos';
import { checklistOf, fetchInspectionRules, GRADES, inspectReturn, levelsOf, type Grade, type InspectionRules, type Return, type ReturnLine } from './api';
import { Stepper, usePhotoLabels } from './parts';

type Draft = { grades: Record<Grade, number>; checks: Record<string, boolean>; note: string; photoIds: number[]; key: string | null };
const EMPTY: Draft = { grades: { A: 0, B: 0, C: 0, scrap: 0 }, checks: {}, note: '', photoIds: [], key: null };

export function InspectStep({ ret, onDone }: { ret: Return; onDone(r: Return): void }) {
  const { t } = useTranslation();
  const [message, say] = useFeedback();
  const rules = useQuery({ queryKey: ['return-inspection-rules'], queryFn: fetchInspectionRules, staleTime: 300_000 });
  const due = rules.data ? ret.lines.filter((l) => l.receivedQuantity > 0 && levelsOf(rules.data, l, ret.inspections).next) : [];
  const [chosen, setChosen] = useState<number | null>(null);
  const line = due.find((l) => l.id === chosen) ?? due[0];

  useScanHandler(async (code) => {
    const product = await productByCode(code).catch(() => null);
    const hit = product && due.find((l) => l.productId === product.id);
    if (!hit) return say('bad', t('returnsDock.inspect.notDue', { code }));
    setChosen(hit.id);
    say('ok', t('returnsDock.inspect.lineChosen', { sku: hit.sku }));
  });

  if (rules.error && !rules.data) return <ErrorLine error={rules.error} />;
  if (!rules.data) return <Loading />;
  return (
    <>
      <Prompt text={line ? t('returnsDock.inspect.prompt', { sku: line.sku }) : t('returnsDock.inspect.allDone')} message={message} />
      {due.length > 1 && (
        <div className="fl-card">
          <ul className="fl-list" aria-label={t('returnsDock.inspect.due')}>
            {due.map((l) => (
              <li key={l.id} className={l.id === line?.id ? 'current' : ''}>
                <button type="button" className="fl-row" onClick={() => setChosen(l.id)}>
                  <strong>{l.sku}</strong> <span className="fl-grow">{l.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {line && <InspectForm key={`${line.id}.${levelsOf(rules.data, line, ret.inspections).next?.level}`} ret={ret} line={line} rules={rules.data} onDone={onDone} say={say} />}
    </>
  );
}

function InspectForm({ ret, line, rules, onDone, say }: { ret: Return; line: ReturnLine; rules: InspectionRules; onDone(r: Return): void; say(tone: 'ok' | 'bad', text: string): void }) {
  const { t } = useTranslation();
  const { levels, next } = levelsOf(rules, line, ret.inspections);
  const [draft, setDraft, draftRef] = useTaskState<Draft>(`returns.inspect.${ret.id}.${line.id}.${next?.level}`, EMPTY);
  const update = (patch: Partial<Draft>) => setDraft({ ...draftRef.current, ...patch });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const photoLabels = usePhotoLabels();
  const checklist = checklistOf(rules, line.category);
  const graded = GRADES.reduce((n, g) => n + draft.grades[g], 0);
  const answered = checklist.every((item) => typeof draft.checks[item] === 'boolean');
  const item = (name: string) => t(`returnsDock.checkItem.${name}`, { defaultValue: name });

  const submit = async () => {
    const d = draftRef.current;
    const key = d.key ?? newIdempotencyKey();
    update({ key });
    setBusy(true);
    setError(null);
    try {
      const grades = Object.fromEntries(GRADES.filter((g) => d.grades[g] > 0).map((g) => [g, d.grades[g]]));
      const result = await inspectReturn(
        ret.id,
        {
          lines: [
            {
              returnLineId: line.id,
              grades,
              checklist: checklist.map((c) => ({ item: c, passed: d.checks[c] === true })),
              ...(d.photoIds.length ? { photoIds: d.photoIds } : {}),
              ...(d.note.trim() ? { note: d.note.trim() } : {}),
            },
          ],
        },
        key,
      );
      setDraft(EMPTY);
      say('ok', t('returnsDock.inspect.recorded', { sku: line.sku, level: next ? t(`returnsDock.levelName.${next.name}`, { defaultValue: next.name }) : '' }));
      onDone(result);
    } catch (err) {
      if (err instanceof ApiError) update({ key: null });
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!next) return null;
  return (
    <div className="fl-card" role="group" aria-label={t('returnsDock.inspect.of', { sku: line.sku })}>
      <p className="fl-status-line">
        <strong>{line.sku}</strong> {line.name} · {t('returnsDock.inspect.received', { count: line.receivedQuantity })}
      </p>
      <p className="fl-status-line" data-testid="inspection-level">
        {t('returnsDock.inspect.level', { n: next.level, total: levels.length, name: t(`returnsDock.levelName.${next.name}`, { defaultValue: next.name }) })}
      </p>
      <h3 className="fl-subtitle">{t('returnsDock.inspect.checklist')}</h3>
      {checklist.map((c) => (
        <div key={c} className="fl-check" role="group" aria-label={item(c)}>
          <span>{item(c)}</span>
          <button type="button" aria-pressed={draft.checks[c] === true} className={draft.checks[c] === true ? 'pass' : ''} onClick={() => update({ checks: { ...draftRef.current.checks, [c]: true } })}>
            {t('returnsDock.inspect.pass')}
          </button>
          <button type="button" aria-pressed={draft.checks[c] === false} className={draft.checks[c] === false ? 'fail' : ''} onClick={() => update({ checks: { ...draftRef.current.checks, [c]: false } })}>
            {t('returnsDock.inspect.fail')}
          </button>
        </div>
      ))}
      <h3 className="fl-subtitle">{t('returnsDock.inspect.grades')}</h3>
      {GRADES.map((g) => (
        <Stepper
          key={g}
          label={t(`returnsDock.grade.${g}`)}
          value={draft.grades[g]}
          max={line.receivedQuantity - graded + draft.grades[g]}
          onChange={(v) => update({ grades: { ...draftRef.current.grades, [g]: v } })}
        />
      ))}
      <p className={`fl-sum${graded === line.receivedQuantity ? '' : ' bad'}`}>{t('returnsDock.inspect.graded', { count: graded, total: line.receivedQuantity })}</p>
      <label className="fl-field">
        <span>{t('returnsDock.inspect.note')}</span>
        <textarea rows={2} maxLength={2000} value={draft.note} onChange={(e) => update({ note: e.target.value })} />
      </label>
      <PhotoPicker ids={draft.photoIds} onChange={(photoIds) => update({ photoIds })} labels={photoLabels} />
      {error !== null && <ErrorLine error={error} />}
      <button type="button" className="fl-btn" disabled={busy || !answered || graded !== line.receivedQuantity} onClick={() => void submit()}>
        {t('returnsDock.inspect.submit', { level: t(`returnsDock.levelName.${next.name}`, { defaultValue: next.name }) })}
      </button>
    </div>
  );
}
