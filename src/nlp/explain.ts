/**
 * Human-readable explanation of a Document: per fact, the sentence with the subject marked `[[…]]` and the
 * object marked `{{…}}`, the relation, its role/label, the rule id and the confidence, and the entity rules
 * that typed the subject and the object mentions.
 */
import type { Document, Relation } from '../core/index.js';

function mark(r: Relation): string {
  const { evidence: ev } = r;
  const spans = [
    { ...ev.subject, open: '[[', close: ']]' },
    { ...ev.object, open: '{{', close: '}}' },
  ].sort((a, b) => b.start - a.start);
  let text = ev.text;
  for (const s of spans) {
    const from = s.start - ev.start;
    const to = s.end - ev.start;
    if (from < 0 || to > text.length) continue;
    text = `${text.slice(0, from)}${s.open}${text.slice(from, to)}${s.close}${text.slice(to)}`;
  }
  return text;
}

/** Render every relation of `doc` as a short block of text. */
export function explainDocument(doc: Document): string {
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  // The entity rule of the mention at a given offset ("org-head", "titled-person+alias").
  const typedBy = new Map(doc.entities.flatMap((e) => e.mentions.map((m) => [m.start, m.rule ?? '?'])));
  const blocks = doc.relations.map((r) => {
    const extra = r.role ? ` {role: "${r.role}"}` : r.label ? ` {label: "${r.label}"}` : '';
    const subjectRule = typedBy.get(r.evidence.subject.start) ?? '?';
    const objectRule = typedBy.get(r.evidence.object.start) ?? '?';
    return [
      `${names.get(r.subject)} -[${r.type}${extra}]-> ${names.get(r.object)}`,
      `  rule ${r.rule}, confidence ${r.confidence}; typed by ${subjectRule} / ${objectRule}`,
      `  ${mark(r)}`,
    ].join('\n');
  });
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : 'no relations found\n';
}
