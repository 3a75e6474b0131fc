/** An element of an ADF document: lower-cased name, attributes, children, its own text. */
export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  text: string;
}

export function child(node: XmlNode | null | undefined, name: string): XmlNode | null {
  return node?.children.find((c) => c.name === name) ?? null;
}

export function childrenNamed(node: XmlNode | null | undefined, name: string): XmlNode[] {
  return node?.children.filter((c) => c.name === name) ?? [];
}

/** Trimmed text of a child, whitespace runs collapsed; null when absent or empty. */
export function childText(node: XmlNode | null | undefined, name: string): string | null {
  return textOf(child(node, name));
}

export function textOf(node: XmlNode | null | undefined): string | null {
  if (!node) return null;
  const text = node.text.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

export function attr(node: XmlNode | null | undefined, name: string): string | null {
  const value = node?.attributes[name]?.trim();
  return value ? value : null;
}
