// Ctrl+K: one box that jumps to any screen the user may open, or to a document by its 收文编号 (2026-0002 or 0002),
// 文号 or 标题, or to what a label code names (typed, or scanned while the box is open). The backend's register
// search finds the documents; this list only shows what it answers.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Empty, Input, Modal, Typography } from 'antd';
import { FileTextOutlined, SearchOutlined, TagsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DocumentListItem } from '../../../../preload/contract';
import { useLedger } from '../../store';
import { MarkingTag } from '../documents/MarkingTag';
import { KEYBOARD_MODAL } from '../../ui/ShortcutsHelp';
import { useOpenCode, useScanTarget } from '../scanner';
import { looksLikeItemCode } from '../../../../db/domain/item-codes';

const SEARCH_DELAY_MS = 150;
const DOCUMENTS_SHOWN = 8;

/** A screen the palette offers: what the menu calls it, and its access key if it has one. */
export interface PaletteScreen {
  key: string;
  label: string;
  icon?: ReactNode;
  /** Alt+<accessKey> opens it from anywhere. */
  accessKey?: string;
  open(): void;
}

interface Entry {
  key: string;
  content: ReactNode;
  open(): void;
}

/** A query that reads as a receipt number (0002, 2026-0002): its documents come before the screens. */
const looksLikeNumber = (query: string) => /^[\d-]+$/.test(query);

function useDocumentSearch(query: string, enabled: boolean): DocumentListItem[] {
  const findDocuments = useLedger((s) => s.findDocuments);
  const [found, setFound] = useState<DocumentListItem[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (!enabled || !q) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      findDocuments({ query: q, limit: DOCUMENTS_SHOWN })
        .then(({ rows }) => current && setFound(rows))
        // The palette still jumps to screens when the search fails; the register shows the failure itself.
        .catch(() => current && setFound([]));
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, enabled, findDocuments]);
  return found;
}

interface CommandPaletteProps {
  open: boolean;
  screens: PaletteScreen[];
  /** Whether the user reads the registers (the documents search is theirs). */
  searchDocuments: boolean;
  onClose(): void;
}

/** Stays mounted and opens on demand (a modal mounted and unmounted at each use lost its second opening); each opening starts empty. */
export function CommandPalette({ open, onClose, ...props }: CommandPaletteProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('keyboard.palette.title')}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
      wrapClassName={KEYBOARD_MODAL}
      data-testid="command-palette"
    >
      <PaletteBody {...props} onClose={onClose} />
    </Modal>
  );
}

function PaletteBody({ screens, searchDocuments, onClose }: Omit<CommandPaletteProps, 'open'>) {
  const { t } = useTranslation();
  const openDocument = useLedger((s) => s.openDocument);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const code = looksLikeItemCode(query) ? query.trim() : null;
  const documents = useDocumentSearch(query, searchDocuments && !code);
  const openCode = useOpenCode();
  const scope = useRef<HTMLDivElement>(null);
  useScanTarget(
    (scan) => {
      onClose();
      void openCode(scan.text);
      return true;
    },
    true,
    scope,
  );

  const q = query.trim().toLowerCase();
  const screenEntries: Entry[] = screens
    .filter((s) => !q || s.label.toLowerCase().includes(q))
    .map((s) => ({
      key: `screen-${s.key}`,
      open: s.open,
      content: (
        <>
          <span className="palette-icon">{s.icon}</span>
          <span className="palette-label">{s.label}</span>
          {s.accessKey && (
            <Typography.Text type="secondary" keyboard aria-hidden>
              Alt+{s.accessKey}
            </Typography.Text>
          )}
        </>
      ),
    }));
  const documentEntries: Entry[] = documents.map((d) => ({
    key: `document-${d.id}`,
    open: () => openDocument(d.id),
    content: (
      <>
        <span className="palette-icon">
          <FileTextOutlined />
        </span>
        <span className="monospace">{d.receiptNo}</span>
        <span className="palette-label">{d.title}</span>
        <MarkingTag marking={d.marking} level={d.level} />
      </>
    ),
  }));
  // A label code names one item: it is the only entry.
  const codeEntries: Entry[] = code
    ? [
        {
          key: 'code',
          open: () => void openCode(code),
          content: (
            <>
              <span className="palette-icon">
                <TagsOutlined />
              </span>
              <span className="palette-label">{t('scanner.paletteEntry', { code })}</span>
            </>
          ),
        },
      ]
    : [];
  const entries = code ? codeEntries : looksLikeNumber(q) ? [...documentEntries, ...screenEntries] : [...screenEntries, ...documentEntries];
  const shown = Math.min(active, Math.max(0, entries.length - 1));

  function choose(entry: Entry | undefined) {
    if (!entry) return;
    onClose();
    entry.open();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((shown + step + entries.length) % Math.max(1, entries.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(entries[shown]);
    }
  }

  return (
    <div ref={scope}>
      <Input
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        prefix={<SearchOutlined />}
        placeholder={t('keyboard.palette.placeholder')}
        aria-label={t('keyboard.palette.title')}
        aria-controls="command-palette-list"
        aria-activedescendant={entries[shown] ? `palette-${entries[shown].key}` : undefined}
        autoComplete="off"
        data-testid="command-palette-input"
      />
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('keyboard.palette.none')} />
      ) : (
        <ul className="palette-list" role="listbox" id="command-palette-list" aria-label={t('keyboard.palette.title')}>
          {entries.map((entry, i) => (
            <li
              key={entry.key}
              id={`palette-${entry.key}`}
              role="option"
              aria-selected={i === shown}
              className={i === shown ? 'palette-entry palette-entry-active' : 'palette-entry'}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(entry)}
              data-testid={`palette-${entry.key}`}
            >
              {entry.content}
            </li>
          ))}
        </ul>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('keyboard.palette.hint')}
      </Typography.Text>
    </div>
  );
}
