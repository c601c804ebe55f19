/* Axis labels for the dashboard charts. Pure, so it is unit-tested without a browser. */

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Display width in Latin characters: a Chinese character takes about two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/**
 * Splits a long label into lines of about `width` Latin characters: at spaces, or for Chinese
 * (no spaces) into equal runs of characters, so neighbouring axis labels never run into each other.
 */
export function wrapLabel(label: string, width = 16): string | string[] {
  if (displayWidth(label) <= width) return label;
  if (!label.includes(" ")) {
    // A Chinese character is a little narrower than two Latin ones: one more character fits before splitting a word.
    if (!WIDE.test(label) || displayWidth(label) <= width + 2) return label;
    const chars = [...label];
    const lines = Math.ceil(displayWidth(label) / width);
    const per = Math.ceil(chars.length / lines);
    return Array.from({ length: lines }, (_, i) => chars.slice(i * per, (i + 1) * per).join("")).filter(Boolean);
  }
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(" ")) {
    if (line && displayWidth(line + " " + word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
