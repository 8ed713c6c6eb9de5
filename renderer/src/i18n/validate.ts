// The required-field message of every form: 请选择… for a field chosen from a list (select, date, radio group),
// 请输入… for one typed into. antd has one `required` message for both; this one looks at the field it is about.
import type { Locale } from 'antd/es/locale';
import i18n from 'i18next';

/** Controls a value is chosen in, not typed into (an AutoComplete is an .ant-select too, but typed into). */
const CHOICE = '.ant-select:not(.ant-select-auto-complete), .ant-picker, .ant-radio-group, .ant-checkbox-group, .ant-segmented';

/**
 * Whether the field `name` (rc-field-form's dotted name path) is a choice: antd gives its control the id of the path
 * joined by '_', prefixed by the form's name when it has one.
 */
function isChoiceField(name: string, root: ParentNode = document): boolean {
  const id = CSS.escape(name.replace(/\./g, '_'));
  return [...root.querySelectorAll(`#${id}, [id$="_${id}"]`)].some((el) => el.matches(CHOICE) || el.closest(CHOICE) !== null);
}

/** async-validator calls the `required` message with the field's name; ${label} is filled in after. */
function required(name?: string): string {
  return i18n.t(name && isChoiceField(name) ? 'common.requiredChoice' : 'common.required');
}

/** An antd locale whose forms say 请选择 or 请输入 as the field wants. */
export function withRequiredMessage(imported: Locale): Locale {
  // antd's locale files are CommonJS: bundled, the default import can be the module with the locale as its `default`
  // (antd's ConfigProvider unwraps that, which would drop the message set here).
  const locale = (imported as Locale & { default?: Locale }).default ?? imported;
  return { ...locale, Form: { ...locale.Form, defaultValidateMessages: { ...locale.Form?.defaultValidateMessages, required } } };
}
