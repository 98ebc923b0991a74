/**
 * Paging over the API's keyset cursor: the current cursor lives in the URL (`cursor`), the ones
 * before it in memory, so "previous" works within a visit and "first page" always does.
 */
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from '../../shared/i18n';

export function useCursor(): { cursor: string | undefined; next(c: string): void; prev(): void; first(): void; hasPrev: boolean } {
  const [params, setParams] = useSearchParams();
  const [stack, setStack] = useState<Array<string | undefined>>([]);
  const cursor = params.get('cursor') ?? undefined;
  const go = (c: string | undefined) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (c) n.set('cursor', c);
      else n.delete('cursor');
      return n;
    });
  return {
    cursor,
    hasPrev: !!cursor,
    next: (c) => {
      setStack((s) => [...s, cursor]);
      go(c);
    },
    prev: () => {
      const before = stack[stack.length - 1];
      setStack((s) => s.slice(0, -1));
      go(before);
    },
    first: () => {
      setStack([]);
      go(undefined);
    },
  };
}

export function CursorPager({ pager, nextCursor }: { pager: ReturnType<typeof useCursor>; nextCursor: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
      <Button onClick={pager.first} disabled={!pager.hasPrev}>
        {t('common.firstPage')}
      </Button>
      <Button onClick={pager.prev} disabled={!pager.hasPrev}>
        {t('common.prevPage')}
      </Button>
      <Button type="primary" ghost onClick={() => nextCursor && pager.next(nextCursor)} disabled={!nextCursor}>
        {t('common.nextPage')}
      </Button>
    </Space>
  );
}
