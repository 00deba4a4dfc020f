/* Measures of a section as epub.js laid it out (evaluated in its iframe; `layout`: epub.js's column width, gap,
   delta and the container's scrollLeft). Everything is read from the DOM: no OCR. */
(layout) => {
  const BLOCK = new Set(["block", "list-item", "table-row", "table-cell", "table", "flow-root"]);
  const column = (x) => Math.floor((x + 1) / layout.delta);
  const contentRight = (x) => column(x) * layout.delta + layout.columnWidth - layout.gap / 2;
  const onScreen = (r) => r.width > 0 && r.right > layout.scrollLeft + 1 && r.left < layout.scrollLeft + layout.columnWidth - 1;
  const rangeOf = (node, start, end) => { const r = document.createRange(); r.setStart(node, start); r.setEnd(node, end); return r; };
  const blockOf = (node) => { let e = node.parentElement; while (e && !BLOCK.has(getComputedStyle(e).display)) e = e.parentElement; return e; };

  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode);

  /* The text on the screen now. */
  const shown = texts.filter(n => [...rangeOf(n, 0, n.length).getClientRects()].some(onScreen)).map(n => n.textContent).join("");

  /* Elements wider than a column's text (what would run off a phone's screen). */
  const wide = [...document.body.querySelectorAll("*")].filter(e =>
    [...e.getClientRects()].some(r => r.width > layout.columnWidth - layout.gap + 1)).map(e => `${e.tagName}#${e.id}.${e.className}`);

  /* Lines of each block of the appendices: the words on each, and whether the next line's first word would
     have fitted at its end (a narrow column, not a long word, broke it). */
  const groups = new Map();
  for (const n of texts) {
    if (n.parentElement.closest("svg")) continue;  /* the timeline's labels: a drawing (it must fit: `wide`), not lines */
    const block = blockOf(n);
    if (!block || !block.closest(".appendix, .colophon") || /^H[1-6]$/.test(block.tagName)) continue;
    if (!groups.has(block)) groups.set(block, []);
    groups.get(block).push(n);
  }
  const lines = [];
  /* The width of what starts a line and could not have been broken: its first word, and the words after it
     in the same no-wrap run («Мәтінде, абз. 25»). */
  const unitRight = (words) => {
    let right = words[0].firstRight;
    for (let j = 1; words[0].nowrap && j < words.length && words[j].nowrap; j++) right = words[j].right;
    return right;
  };
  /* Where a line of the block begins: its content's left edge in that column (a label drawn before the first
     word, «Түзетілгені:», is part of what must fit). */
  const lineStart = (block, line) => {
    const style = getComputedStyle(block);
    const x = line.words[0].left;
    const rect = [...block.getClientRects()].find(r => r.left <= x + 1 && x <= r.right) || {left: x};
    return rect.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
  };
  for (const [block, nodes] of groups) {
    const words = [];
    for (const n of nodes) {
      const nowrap = /^(nowrap|pre)/.test(getComputedStyle(n.parentElement).whiteSpace);
      for (const m of n.textContent.matchAll(/[^ \t\n\r]+/g)) {  /* words: between the spaces a line may break at */
        const rects = [...rangeOf(n, m.index, m.index + m[0].length).getClientRects()].filter(r => r.width > 0);
        if (!rects.length) continue;
        const first = rects[0], last = rects[rects.length - 1];
        /* A word broken inside (at its hyphen, or by overflow-wrap when wider than the line) fills its line. */
        const split = rects.some(r => Math.abs(r.top - first.top) > 2);
        const previous = words[words.length - 1];
        if (previous && m.index === 0 && previous.open && !split && Math.abs(first.left - previous.right) < 1.5) {  /* «БҰҰ» + «-ға» in two elements: one word */
          Object.assign(previous, {text: previous.text + m[0], right: last.right, open: m.index + m[0].length === n.length});
          if (!previous.split) previous.firstRight = last.right;
          continue;
        }
        words.push({text: m[0], left: first.left, right: split ? first.right : last.right, top: first.top,
                    firstRight: first.right, nowrap, split, open: m.index + m[0].length === n.length});
      }
    }
    const size = parseFloat(getComputedStyle(block).fontSize);
    const own = [];
    for (const w of words) {
      const line = own[own.length - 1];
      if (!line || w.left < line.right - 1 || Math.abs(w.top - line.top) > size * 0.6) own.push({words: [w], top: w.top, right: w.right});
      else { line.words.push(w); line.right = Math.max(line.right, w.right); }
    }
    own.forEach((l, i) => {
      const next = own[i + 1];
      const left = l.words[0].left;
      lines.push({block: `${block.tagName}#${block.id}.${block.className}`, words: l.words.length,
        text: l.words.map(w => w.text).join(" "), last: !next,
        share: (l.right - lineStart(block, l)) / (layout.columnWidth - layout.gap),  /* of the column's width */
        filled: !next || l.words[l.words.length - 1].split ||
                l.right + size * 0.26 + unitRight(next.words) - lineStart(block, next) > contentRight(left) - 1});
    });
  }

  /* Blocks of the appendices that do not reach the column's right edge: something set beside them. */
  const beside = [...groups.keys()].filter(b => [...b.getClientRects()].some(r => r.width > 0 && r.right < contentRight(r.left) - 2))
    .map(b => `${b.tagName}#${b.id}.${b.className}`);

  /* Headings whose lines fall in two columns (pages): «Оқиғалар хронологияс» on one page, «ы» on the next. */
  const splitHeadings = [...document.body.querySelectorAll("h1, h2, h3")].filter(h => {
    const r = document.createRange(); r.selectNodeContents(h);
    return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => column(x.left))).size > 1;
  }).map(h => h.textContent.trim());

  /* Note calls: their tap areas. */
  const calls = [...document.querySelectorAll("a.noteref")].map(a => { const r = a.getBoundingClientRect(); return {width: r.width, height: r.height}; });
  const fonts = document.fonts.check('16px "Kitap Serif"', "ӘҒҚҢӨҰҮҺІәғқңөұүһі");
  return {shown, wide, lines, beside, calls, fonts, splitHeadings};
}
