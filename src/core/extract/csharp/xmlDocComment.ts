/** `/// <summary>…</summary>` documentation comments as human descriptions. */
import { descriptionFromComment, stripCommentMarkers } from '../treeSitter/syntaxHelpers';

export function isXmlDocComment(raw: string): boolean {
  return raw.startsWith('///') && !raw.startsWith('////');
}

/** The XML of the `///` lines among raw comments, markers removed. */
export function xmlDocOf(rawComments: readonly string[]): string | undefined {
  const lines = rawComments.filter(isXmlDocComment).map((raw) => stripCommentMarkers(raw));
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** The `<summary>` text (or the whole comment when it has none), tags removed. */
export function xmlDocSummary(xml: string): string | undefined {
  const summary = elementText(xml, 'summary');
  return descriptionFromComment(plainText(summary ?? withoutElements(xml)));
}

/** `<param name="idCardNo">身份证号</param>` entries: records document their parameters this way. */
export function xmlDocParameters(xml: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const pattern = /<param\s+name\s*=\s*"([^"]+)"\s*>([\s\S]*?)<\/param>/g;
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    const text = descriptionFromComment(plainText(match[2]));
    if (text) parameters.set(match[1], text);
  }
  return parameters;
}

function elementText(xml: string, element: string): string | undefined {
  const match = new RegExp(`<${element}\\b[^>]*>([\\s\\S]*?)</${element}>`).exec(xml);
  return match ? match[1] : undefined;
}

/** Without `<param>`, `<returns>`… sections: what is left is free text. */
function withoutElements(xml: string): string {
  return xml.replace(/<(param|typeparam|returns|exception|example|remarks|seealso)\b[\s\S]*?(<\/\1>|\/>)/g, ' ');
}

/** `<see cref="T:Ns.Member"/>` → `Member`; other tags dropped; entities decoded. */
function plainText(xml: string): string {
  return xml
    .replace(/<see\w*\s+(?:cref|langword|href)\s*=\s*"(?:\w:)?([^"]*)"\s*\/>/g, (_all, target: string) => target.split('.').pop() ?? target)
    .replace(/<(?:paramref|typeparamref)\s+name\s*=\s*"([^"]*)"\s*\/>/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
