import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { foldText } from '@core/domain/text';
import { Button, Card, Empty, Flex, Input, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './ReviewPage.module.css';

type SourceTextPanelProps = {
  /** The text the reader extracted from the document. */
  text: string | null;
  /** A search asked for from a draft row ("Tìm trong văn bản gốc"); a new object each time. */
  request: { query: string } | null;
};

/**
 * The document's own text beside the draft, line by line, searchable with or without diacritics: the
 * lines that match are marked, and the arrows move between them.
 */
export const SourceTextPanel = ({ text, request }: SourceTextPanelProps) => {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => (text ?? '').split('\n'), [text]);
  // The folded text as one string, with where each line starts: a phrase may run over a line break
  // (table cells of a Word file or a PDF are often cut into several lines).
  const folded = useMemo(() => {
    const starts: number[] = [];
    let joined = '';
    for (const line of lines) {
      starts.push(joined.length);
      joined += `${foldText(line)} `;
    }
    return { joined, starts };
  }, [lines]);

  /** Each match as the first and last line it covers. */
  const matches = useMemo(() => {
    const needle = foldText(query);
    if (!needle) return [];
    const lineAt = (offset: number) => {
      let low = 0;
      let high = folded.starts.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if ((folded.starts[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
      }
      return low;
    };
    const found: Array<{ first: number; last: number }> = [];
    for (let at = folded.joined.indexOf(needle); at >= 0; at = folded.joined.indexOf(needle, at + 1)) {
      found.push({ first: lineAt(at), last: lineAt(at + needle.length - 1) });
    }
    return found;
  }, [folded, query]);

  useEffect(() => {
    if (request) {
      setQuery(request.query);
      setCurrent(0);
    }
  }, [request]);

  const currentMatch = matches.length > 0 ? matches[Math.min(current, matches.length - 1)] : undefined;
  const currentLine = currentMatch?.first;
  useEffect(() => {
    if (currentLine === undefined) return;
    container.current
      ?.querySelector(`[data-line="${currentLine}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [currentLine]);

  const matchSet = new Set(
    matches.flatMap((match) =>
      Array.from({ length: match.last - match.first + 1 }, (_, i) => match.first + i),
    ),
  );
  const isCurrent = (index: number) =>
    currentMatch !== undefined && index >= currentMatch.first && index <= currentMatch.last;
  const step = (delta: number) => {
    if (matches.length === 0) return;
    setCurrent((value) => (value + delta + matches.length) % matches.length);
  };

  return (
    <Card size="small" title={t('importPlan.source.title')} aria-label={t('importPlan.source.title')}>
      <Flex gap={4} align="center" style={{ marginBottom: 8 }}>
        <Input.Search
          aria-label={t('importPlan.source.search')}
          placeholder={t('importPlan.source.search')}
          allowClear
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setCurrent(0);
          }}
          onSearch={() => step(1)}
        />
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', minWidth: 64, textAlign: 'center' }}>
          {query.trim()
            ? matches.length > 0
              ? t('importPlan.source.matches', {
                  current: Math.min(current, matches.length - 1) + 1,
                  total: matches.length,
                })
              : t('importPlan.source.noMatch')
            : null}
        </Typography.Text>
        <Button
          size="small"
          icon={<UpOutlined />}
          aria-label={t('importPlan.source.previous')}
          disabled={matches.length === 0}
          onClick={() => step(-1)}
        />
        <Button
          size="small"
          icon={<DownOutlined />}
          aria-label={t('importPlan.source.next')}
          disabled={matches.length === 0}
          onClick={() => step(1)}
        />
      </Flex>
      {text ? (
        <div className={styles.sourceText} ref={container}>
          {lines.map((line, index) => (
            <div
              // Lines are fixed for the life of the panel: the index is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: the text never changes while shown
              key={index}
              data-line={index}
              className={[
                styles.line,
                isCurrent(index) ? styles.current : matchSet.has(index) ? styles.match : '',
              ].join(' ')}
            >
              <span className={styles.lineNumber}>{index + 1}</span>
              <span>{line || '\u00a0'}</span>
            </div>
          ))}
        </div>
      ) : (
        <Empty description={t('importPlan.source.empty')} />
      )}
    </Card>
  );
};
