import type { Rule } from './model';

/** `pi/checklist-stale`: registered here for its id, severity and docs; the checklist module raises it. */
export const checklistStale: Rule = {
  meta: {
    id: 'pi/checklist-stale',
    defaultSeverity: 'error',
    anchor: 'pi-checklist-stale',
    title: { en: 'Disposition checklist is out of date', zh: '处置清单已过期' },
    doc: {
      en: 'Reported by `pi-audit checklist --check` (and in the editor) when the committed disposition checklist no longer matches the code: PI fields that are missing from it, entries for fields that no longer exist, or changed categories. Regenerate it with `pi-audit checklist`; regeneration keeps every human edit (owners, statuses, decisions). The checklist is the record the compliance team signs off before deregistration, so it must describe the systems as they are.',
      zh: '当已提交的处置清单与代码不一致时，由 `pi-audit checklist --check`（以及编辑器）报告：清单中缺少的个人信息字段、已不存在的字段条目，或类别已变化的字段。请用 `pi-audit checklist` 重新生成；重新生成会保留所有人工编辑（负责人、状态、处置决定）。处置清单是合规团队在注销前签署确认的记录，必须如实反映各系统的现状。',
    },
    messages: {
      stale: {
        en: 'the checklist {file} is out of date: {detail} — run pi-audit checklist',
        zh: '处置清单 {file} 已过期：{detail}——请运行 pi-audit checklist',
      },
    },
  },
};
