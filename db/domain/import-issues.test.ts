import { describe, expect, it } from 'vitest';
import { IMPORT_REASONS, importIssueText } from './import-issues';
import { LANGUAGES, type Term } from './terms';

const TITLE: Term = ['标题', '標題', 'Title'];
const PARAMS = { copies: 3, choices: '单机、涉密内网', max: 200, firstRow: 2, what: '鲁保发〔2025〕1号', marking: '机密★', years: 20, status: '报废' };

describe('import reasons in words', () => {
  it('says every reason as a sentence in each language: no code, no placeholder, full-width punctuation in Chinese', () => {
    for (const reason of IMPORT_REASONS) {
      for (const language of LANGUAGES) {
        const text = importIssueText({ reason, label: TITLE, value: 'x', params: PARAMS }, language);
        expect(text, `${reason} ${language}`).not.toMatch(/\{\{|[a-z]+_[a-z_]+/);
        expect(text.length).toBeGreaterThan(3);
        if (language !== 'en') expect(text, `${reason} ${language}`).not.toMatch(/[:,()]/);
      }
    }
  });

  it('names the field and the cell in the reader’s language', () => {
    expect(importIssueText({ reason: 'required', label: TITLE, value: '' }, 'zh-CN')).toBe('缺少标题');
    expect(importIssueText({ reason: 'required', label: TITLE, value: '' }, 'zh-TW')).toBe('缺少標題');
    expect(importIssueText({ reason: 'required', label: TITLE, value: '' }, 'en')).toBe('Title is missing');
    expect(importIssueText({ reason: 'bad_count', label: ['份数', '份數', 'Copies'], value: '两份' }, 'zh-CN')).toBe('份数“两份”不是正整数');
  });

  it('says a rule’s refusal in the error catalogue’s words', () => {
    const marking = { reason: 'bad_marking', label: null, value: '机密级', params: { code: 'E_BAD_MARKING', reason: 'unknown_level', text: '机密级' } };
    expect(importIssueText(marking, 'zh-CN')).toBe('“机密级”没有以密级开头：密级只能是 绝密、机密、秘密 或 内部');
    expect(importIssueText(marking, 'en')).toMatch(/^“机密级” does not start with a level/);
  });
});
