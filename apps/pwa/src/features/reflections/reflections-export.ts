// The file a person downloads of their reflections (for an appraisal): Markdown, made in the browser
// from the decrypted text. It never goes to the server.
import { formatInstant } from "../preparation/preparation-words";

export interface ExportedReflection {
  createdAt: Date;
  updatedAt: Date;
  about: string | null;
  text: string | null;
}

export function reflectionsMarkdown(options: { title: string; exportedAt: Date; reflections: ExportedReflection[] }): string {
  const lines = [`# ${options.title}`, "", `Downloaded ${formatInstant(options.exportedAt)}. Keep this file somewhere only you can open it.`, ""];
  for (const r of options.reflections) {
    lines.push(`## ${formatInstant(r.createdAt)}`, "");
    if (r.about) lines.push(`_${r.about}_`, "");
    lines.push(r.text ?? "(This reflection could not be read with your key.)", "");
  }
  return lines.join("\n");
}

export const exportFileName = (at: Date) => `private-reflections-${at.toISOString().slice(0, 10)}.md`;
