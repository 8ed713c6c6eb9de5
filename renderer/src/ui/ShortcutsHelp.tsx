// F1 or ?: every keyboard shortcut of the app on one sheet (the same list README gives).
import { Fragment } from 'react';
import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The class of the shortcuts help's and the palette's modal: the access keys work from inside them. */
export const KEYBOARD_MODAL = 'keyboard-modal';

/** Each shortcut: the keys (as printed on the keyboard, one combination per entry) and its keyboard.help text key. */
const SHORTCUTS = [
  { keys: ['Enter'], text: 'enter' },
  { keys: ['Ctrl+Enter'], text: 'ctrlEnter' },
  { keys: ['Tab', 'Shift+Tab'], text: 'tab' },
  { keys: ['↑', '↓'], text: 'arrows' },
  { keys: ['Esc'], text: 'escape' },
  { keys: ['Enter'], text: 'tags' },
  { keys: ['Alt+1', 'Alt+9'], text: 'accessKeys' },
  { keys: ['Alt+0'], text: 'overview' },
  { keys: ['Ctrl+K'], text: 'palette' },
  { keys: ['Ctrl+L'], text: 'lock' },
  { keys: ['F1', '?'], text: 'help' },
] as const satisfies readonly { keys: readonly string[]; text: string }[];

/** A screen opened by Alt+<key>, named as the menu names it. */
export interface AccessKey {
  key: string;
  label: string;
}

export function ShortcutsHelp({ open, accessKeys, onClose }: { open: boolean; accessKeys: readonly AccessKey[]; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('keyboard.help.title')}
      onCancel={onClose}
      footer={null}
      width={640}
      wrapClassName={KEYBOARD_MODAL}
      data-testid="shortcuts-help"
    >
      <table className="shortcuts-table">
        <tbody>
          {SHORTCUTS.map(({ keys, text }) => (
            <tr key={text} data-testid={`shortcut-${text}`}>
              <th scope="row">
                {keys.map((k, i) => (
                  <Fragment key={`${k}${i}`}>
                    {i > 0 && (text === 'accessKeys' ? ' … ' : ' / ')}
                    <Typography.Text keyboard>{k}</Typography.Text>
                  </Fragment>
                ))}
              </th>
              <td>
                {t(`keyboard.help.${text}`)}
                {text === 'accessKeys' && (
                  <ul className="shortcuts-access-keys">
                    {accessKeys.map((a) => (
                      <li key={a.key}>
                        <Typography.Text keyboard>Alt+{a.key}</Typography.Text> {a.label}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
