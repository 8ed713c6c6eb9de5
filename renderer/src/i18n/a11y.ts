// What antd announces to a screen reader that its locales do not cover: every icon names itself in English
// (aria-label "lock", "search", "file-protect"), a number's steps are "Increase Value" / "Decrease Value", a table's
// boxes "Select all" / "Select row 3". Icons stand beside their text (an icon-only button has its own label), so they
// are hidden from screen readers; the fixed English labels are said in the interface language.
import type { TFunction } from '.';

type Label = (t: TFunction, n: string) => string;

/** antd's fixed English labels and their words (the row number kept). */
const LABELS: [RegExp, Label][] = [
  [/^Increase Value$/, (t) => t('a11y.increase')],
  [/^Decrease Value$/, (t) => t('a11y.decrease')],
  [/^Select all$/, (t) => t('a11y.selectAll')],
  [/^Custom selection$/, (t) => t('a11y.customSelection')],
  [/^Select row (\d+)$/, (t, n) => t('a11y.selectRow', { n })],
  [/^Row (\d+) selected$/, (t, n) => t('a11y.rowSelected', { n })],
];

function fixIcon(icon: Element): void {
  if (icon.getAttribute('aria-hidden') !== 'true') icon.setAttribute('aria-hidden', 'true');
  if (icon.hasAttribute('aria-label')) icon.removeAttribute('aria-label');
  if (icon.hasAttribute('role')) icon.removeAttribute('role');
}

/** The words this module wrote on each element: any other label there is antd's, in English, set again. */
const written = new WeakMap<Element, string>();

function fixLabel(el: Element, t: TFunction): void {
  const current = el.getAttribute('aria-label') ?? '';
  const english = current === written.get(el) ? (el.getAttribute('data-a11y-en') ?? '') : current;
  for (const [pattern, label] of LABELS) {
    const m = pattern.exec(english);
    if (!m) continue;
    const words = label(t, m[1] ?? '');
    if (el.getAttribute('data-a11y-en') !== english) el.setAttribute('data-a11y-en', english);
    written.set(el, words);
    if (current !== words) el.setAttribute('aria-label', words);
    return;
  }
}

/** A pagination arrow is named by its item's title (上一页, antd's locale), the icon in it being hidden. */
function fixPageArrow(button: Element): void {
  const title = button.closest('[title]')?.getAttribute('title');
  if (title && button.getAttribute('aria-label') !== title) button.setAttribute('aria-label', title);
}

function fixAll(root: ParentNode, t: TFunction): void {
  root.querySelectorAll('.anticon[role="img"], .anticon[aria-label]').forEach(fixIcon);
  root.querySelectorAll('[aria-label]').forEach((el) => fixLabel(el, t));
  root.querySelectorAll('.ant-pagination-prev button, .ant-pagination-next button').forEach(fixPageArrow);
}

/** Keeps the page's antd labels in the interface language from now on (new nodes, changed labels, a language switch). */
export function watchAntdLabels(t: TFunction, onLanguageChanged: (listener: () => void) => void): void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'attributes') {
        const el = m.target as Element;
        if (el.classList.contains('anticon')) fixIcon(el);
        else fixLabel(el, t);
        continue;
      }
      for (const node of Array.from(m.addedNodes)) {
        if (!(node instanceof Element)) continue;
        if (node.matches('.anticon')) fixIcon(node);
        else if (node.matches('[aria-label]')) fixLabel(node, t);
        if (node.matches('.ant-pagination-prev button, .ant-pagination-next button')) fixPageArrow(node);
        fixAll(node, t);
      }
    }
  });
  const start = () => {
    fixAll(document.body, t);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label', 'role'] });
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
  onLanguageChanged(() => {
    document.querySelectorAll('[data-a11y-en]').forEach((el) => fixLabel(el, t));
  });
}
