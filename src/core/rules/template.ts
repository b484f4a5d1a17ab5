import type { Bilingual, Lang } from './model';

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; an unknown placeholder stays as written so that a gap is visible. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * `fillTemplate` for a template filled many times (one message per field): the template is split
 * at its placeholders once, and each fill only joins the pieces.
 */
export function compileTemplate(template: string): (params: Record<string, string | number>) => string {
  const texts: string[] = [];
  const placeholders: { whole: string; name: string }[] = [];
  let from = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(from, match.index));
    placeholders.push({ whole: match[0], name: match[1] });
    from = match.index + match[0].length;
  }
  texts.push(template.slice(from));
  return (params) => {
    let filled = texts[0];
    for (let i = 0; i < placeholders.length; i++) {
      const { whole, name } = placeholders[i];
      filled += (name in params ? String(params[name]) : whole) + texts[i + 1];
    }
    return filled;
  };
}

export function pick(text: Bilingual, lang: Lang): string {
  return lang === 'zh-CN' ? text.zh : text.en;
}
