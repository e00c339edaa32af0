import { AutoComplete, Input } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './ReviewPage.module.css';

type EditableCellProps = {
  /** The text as it stands in the draft. */
  value: string | null;
  /** Accessible name of the cell and of its input ("Sửa tên chỉ tiêu – chỉ tiêu 3"). */
  label: string;
  /** Called with the new text when the officer keeps an edit (Enter or leaving the cell). */
  onChange: (next: string) => void;
  /** A long text: the input grows and Enter keeps the edit (Shift+Enter makes a new line). */
  multiline?: boolean;
  /** Names offered while typing (units of the locality and of the draft). */
  options?: readonly string[];
  /** What the cell shows when not being edited; the plain text by default. */
  display?: ReactNode;
};

/**
 * A draft cell corrected in place: it shows its text; a click (or Enter) turns it into an input; Enter
 * or leaving the cell keeps the edit, Esc undoes it.
 */
export const EditableCell = ({ value, label, onChange, multiline, options, display }: EditableCellProps) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  // Enter on a suggestion both selects it and reaches the input: only the first keeps the edit.
  const kept = useRef(false);

  if (editing === null) {
    const text = value ?? '';
    return (
      <button
        type="button"
        className={styles.cell}
        aria-label={label}
        onClick={() => {
          kept.current = false;
          setEditing(text);
        }}
      >
        {display ?? (text ? text : <span className={styles.empty}>{t('importPlan.cell.empty')}</span>)}
      </button>
    );
  }

  const keep = (next: string) => {
    if (kept.current) return;
    kept.current = true;
    setEditing(null);
    if (next.trim() !== (value ?? '').trim()) onChange(next.trim());
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      kept.current = true;
      setEditing(null);
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      keep(editing);
    }
  };
  const common = {
    'aria-label': label,
    autoFocus: true,
    value: editing,
    title: t('importPlan.cell.enterToSave'),
    onKeyDown,
    onBlur: () => keep(editing),
  };

  if (options && options.length > 0) {
    const folded = editing.toLocaleLowerCase('vi');
    return (
      <AutoComplete
        style={{ width: '100%' }}
        value={editing}
        options={options
          .filter((option) => option.toLocaleLowerCase('vi').includes(folded))
          .slice(0, 20)
          .map((option) => ({ value: option }))}
        onChange={(next: string) => setEditing(next)}
        onSelect={(next: string) => keep(next)}
      >
        <Input
          aria-label={label}
          autoFocus
          title={common.title}
          onKeyDown={onKeyDown}
          onBlur={common.onBlur}
        />
      </AutoComplete>
    );
  }
  return multiline ? (
    <Input.TextArea
      {...common}
      autoSize={{ minRows: 2, maxRows: 8 }}
      onChange={(event) => setEditing(event.target.value)}
    />
  ) : (
    <Input {...common} onChange={(event) => setEditing(event.target.value)} />
  );
};
