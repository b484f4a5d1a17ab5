import { strict as assert } from 'node:assert';
import { langOfDisplayLanguage } from '../../../src/extension/lang';

describe('extension: display language', () => {
  it('reads Simplified Chinese display languages as zh-CN', () => {
    for (const language of ['zh-cn', 'zh-CN', 'zh', 'zh-hans', 'zh-Hans-CN', 'zh-sg']) assert.equal(langOfDisplayLanguage(language), 'zh-CN', language);
  });

  it('reads every other language as English (the bundle has only these two)', () => {
    for (const language of ['en', 'en-us', 'de', 'ja', 'zh-tw', 'zh-hk', '']) assert.equal(langOfDisplayLanguage(language), 'en', language);
  });
});
