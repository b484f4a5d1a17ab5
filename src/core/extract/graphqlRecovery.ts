import { GraphQLError, Kind, parse, type DefinitionNode, type FieldDefinitionNode, type InputValueDefinitionNode } from 'graphql';

/** A definition with the offset of the text it was parsed from, so its locations map back to the file. */
export interface PlacedDefinition {
  node: DefinitionNode;
  base: number;
}

/** A syntax error at a file offset. */
export interface ParseFailure {
  offset: number;
  message: string;
}

export type FieldContainer = Extract<
  DefinitionNode,
  {
    kind:
      | Kind.OBJECT_TYPE_DEFINITION
      | Kind.OBJECT_TYPE_EXTENSION
      | Kind.INTERFACE_TYPE_DEFINITION
      | Kind.INTERFACE_TYPE_EXTENSION
      | Kind.INPUT_OBJECT_TYPE_DEFINITION
      | Kind.INPUT_OBJECT_TYPE_EXTENSION;
  }
>;

export function isFieldContainer(node: DefinitionNode | undefined): node is FieldContainer {
  switch (node?.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.OBJECT_TYPE_EXTENSION:
    case Kind.INTERFACE_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_EXTENSION:
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
    case Kind.INPUT_OBJECT_TYPE_EXTENSION:
      return true;
    default:
      return false;
  }
}

/** How many lines a failing definition is cut back, at most, to find a prefix that parses. */
const MAX_CUT_BACK_LINES = 40;
/** How many broken lines inside one definition are stepped over before giving up on it. */
const MAX_RESUMES = 50;

/**
 * The whole document when it parses. Otherwise each top-level definition (split at
 * `definitionStarts`) is parsed on its own; one that still fails keeps the fields before its
 * broken line and those after it, so one typo does not hide the rest of a type.
 */
export function parseTolerantly(text: string, definitionStarts: readonly number[]): { definitions: PlacedDefinition[]; failures: ParseFailure[] } {
  try {
    return { definitions: parse(text).definitions.map((node) => ({ node, base: 0 })), failures: [] };
  } catch (error) {
    const failures = [failureOf(error, text.length)];
    const definitions: PlacedDefinition[] = [];
    definitionStarts.forEach((start, k) => {
      const chunk = text.slice(start, definitionStarts[k + 1] ?? text.length);
      const recovered = recoverChunk(chunk);
      definitions.push(...recovered.definitions.map((node) => ({ node, base: start })));
      for (const failure of recovered.failures) {
        const offset = start + failure.offset;
        if (!failures.some((f) => f.offset === offset)) failures.push({ offset, message: failure.message });
      }
    });
    return { definitions, failures: failures.sort((a, b) => a.offset - b.offset) };
  }
}

function recoverChunk(chunk: string): { definitions: readonly DefinitionNode[]; failures: ParseFailure[] } {
  let errorAt: number;
  const failures: ParseFailure[] = [];
  try {
    return { definitions: parse(chunk).definitions, failures };
  } catch (error) {
    failures.push(failureOf(error, chunk.length));
    errorAt = failures[0].offset;
  }
  const head = cutBack(chunk, errorAt);
  const container = head.length === 1 && isFieldContainer(head[0]) ? head[0] : undefined;
  if (!container) return { definitions: head, failures };

  // Resume after each broken line, reading the rest of the body as the body of a stand-in
  // type whose header overwrites the text already read (so offsets stay those of the chunk).
  const opener = container.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || container.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION ? 'input _{' : 'type _{';
  const more: FieldContainer['fields'][] = [];
  for (let resume = 0; resume < MAX_RESUMES; resume++) {
    const tailStart = nextLineStart(chunk, errorAt);
    if (tailStart >= chunk.length || tailStart < opener.length) break;
    const standIn = opener + chunk.slice(opener.length, tailStart).replace(/[^\r\n]/g, ' ') + chunk.slice(tailStart);
    try {
      more.push(fieldsOf(parse(standIn).definitions));
      break;
    } catch (error) {
      const failure = failureOf(error, standIn.length);
      if (failure.offset <= errorAt) break;
      failures.push(failure);
      more.push(fieldsOf(cutBack(standIn, failure.offset)));
      errorAt = failure.offset;
    }
  }
  const fields: (FieldDefinitionNode | InputValueDefinitionNode)[] = [];
  for (const list of [container.fields, ...more]) fields.push(...(list ?? []));
  return { definitions: [{ ...container, fields } as FieldContainer], failures };
}

/**
 * A half-written definition (`type X { a: String  b: ` at the end of the file) cut back to the
 * lines before `errorAt` and closed with `}`, so the fields written so far are still read.
 */
function cutBack(chunk: string, errorAt: number): readonly DefinitionNode[] {
  const cuts = [chunk.length, ...lineStartsDownFrom(chunk, errorAt)];
  for (const cut of cuts.slice(0, MAX_CUT_BACK_LINES)) {
    try {
      return parse(`${chunk.slice(0, cut)}\n}`).definitions;
    } catch {
      // Expected for most cuts: the next try keeps one line less.
    }
  }
  return [];
}

function fieldsOf(definitions: readonly DefinitionNode[]): FieldContainer['fields'] {
  const first = definitions[0];
  return isFieldContainer(first) ? first.fields : undefined;
}

/** Offsets where the lines at and before `offset` start, nearest first. */
function lineStartsDownFrom(text: string, offset: number): number[] {
  const starts: number[] = [];
  for (let i = Math.min(offset, text.length); i >= 0; i--) {
    if (i === 0 || text[i - 1] === '\n' || (text[i - 1] === '\r' && text[i] !== '\n')) starts.push(i);
  }
  return starts;
}

function nextLineStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text.startsWith('\r\n', i)) return i + 2;
  return i + 1;
}

/** Where and why `parse` failed; `fallback` is the offset used when the error has no position. */
function failureOf(error: unknown, fallback: number): ParseFailure {
  if (error instanceof GraphQLError) {
    const position = error.positions?.[0];
    return { offset: position ?? fallback, message: withoutLiterals(error.message.replace(/^Syntax Error: /, '')) };
  }
  return { offset: fallback, message: String(error) };
}

/**
 * graphql-js quotes the offending token (`Unexpected String "…"`); a string or number literal
 * may be a personal-information value, so only its kind stays in the message.
 */
function withoutLiterals(message: string): string {
  return message.replace(/\b(String|BlockString|Int|Float) "(?:[^"\\]|\\.)*"/g, '$1');
}
