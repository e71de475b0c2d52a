// The web UI's words live in one table (web/src/strings.ts, issue 27). This
// check reads every other file under web/src with the TypeScript parser and
// fails on
//   - an Arabic literal anywhere (string, template or regular expression);
//   - a Latin literal that reaches the page: a child of h()/s()/link(), an
//     element's textContent, or a title / aria-label / placeholder / alt
//     attribute (class names, tags, URLs and codes are not shown and pass);
// and runs tsc, which refuses an English table missing an entry of the
// Arabic one. The checker is first run on made-up snippets, so that a checker
// that stopped seeing anything fails too.
//   node tests/web/ui_strings.test.mjs   (exit 77: typescript not installed)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const web = path.join(root, 'web');
let ts;
try {
  ts = createRequire(path.join(web, 'package.json'))('typescript');
} catch {
  console.log('SKIPPED: typescript is not installed in web/node_modules (scripts/build-web.sh)');
  process.exit(77);
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN = /[A-Za-z]/;
const SHOWN_ATTRS = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label']);
const SHOWN_PROPS = new Set(['textContent', 'innerText', 'title', 'placeholder']);
// Children start at this argument: h(tag, attrs, ...children), link(href, ...children).
const CHILD_ARGS = { h: 2, s: 2, link: 1 };

/** The literal texts of an expression that would reach the page as they are. */
function shownLiterals(node, out) {
  if (!node) return out;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node);
  else if (ts.isTemplateExpression(node)) {
    out.push(node.head, ...node.templateSpans.map((sp) => sp.literal));
  } else if (ts.isParenthesizedExpression(node)) shownLiterals(node.expression, out);
  else if (ts.isConditionalExpression(node)) { shownLiterals(node.whenTrue, out); shownLiterals(node.whenFalse, out); }
  else if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken,
    ts.SyntaxKind.PlusToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(node.operatorToken.kind)) {
    if (node.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) shownLiterals(node.left, out);
    shownLiterals(node.right, out);
  } else if (ts.isArrayLiteralExpression(node)) node.elements.forEach((e) => shownLiterals(e, out));
  return out;
}

function literalText(n) {
  return ts.isRegularExpressionLiteral(n) ? n.text : n.text ?? '';
}

/** Violations in one source text: [{line, text, why}]. */
export function check(fileName, source) {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found = [];
  const flag = (n, why) => {
    const { line } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
    found.push({ line: line + 1, text: n.getText(sf).slice(0, 80), why });
  };
  const flagShown = (expr, why) => {
    for (const lit of shownLiterals(expr, [])) if (LATIN.test(literalText(lit))) flag(lit, why);
  };
  const visit = (n) => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isRegularExpressionLiteral(n)
      || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) && ARABIC.test(literalText(n))) {
      flag(n, 'Arabic literal outside strings.ts');
    }
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text in CHILD_ARGS) {
      n.arguments.slice(CHILD_ARGS[n.expression.text]).forEach((a) => flagShown(a, `text child of ${n.expression.text}()`));
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'setAttribute'
      && n.arguments.length === 2 && ts.isStringLiteral(n.arguments[0]) && SHOWN_ATTRS.has(n.arguments[0].text)) {
      flagShown(n.arguments[1], `setAttribute('${n.arguments[0].text}')`);
    }
    if (ts.isPropertyAssignment(n) && SHOWN_ATTRS.has(n.name.text ?? n.name.getText(sf).replace(/['"]/g, ''))) {
      flagShown(n.initializer, `attribute ${n.name.getText(sf)}`);
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken
      && ts.isPropertyAccessExpression(n.left) && SHOWN_PROPS.has(n.left.name.text)) {
      flagShown(n.right, `.${n.left.name.text} =`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sources(p) : /\.ts$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

test('the checker sees bare words and lets the table through', () => {
  const bad = [
    "h('p', { class: 'muted' }, 'لا نتائج.')",
    "h('p', null, 'No results.')",
    "h('span', null, cond ? S.x : 'Loading')",
    "link(href, `Report ${n}`)",
    "h('input', { placeholder: 'Search…' })",
    "el.textContent = 'Done'",
    "el.setAttribute('aria-label', 'Close')",
    "const re = /^تقرير \\d+$/;",
    "const names = { a: 'اتفاق' };",
  ];
  for (const src of bad) assert.equal(check('bad.ts', src).length, 1, `not flagged: ${src}`);
  const good = [
    "h('p', { class: 'muted', 'data-testid': 'x' }, S.storiesPage.none)",
    "h('span', null, `${num(a)}–${num(b)}`, ' ×', '—')",
    "link(`/stories/${id}`, st.title || S.story(id))",
    "h('a', { href: '/api/x?format=html', rel: 'noopener', target: '_blank' }, S.storyPage.briefHtml)",
    "el.className = 'outlet-link'",
  ];
  for (const src of good) assert.deepEqual(check('good.ts', src), [], `flagged: ${src}`);
});

test('no component under web/src holds a user-visible literal', () => {
  const files = sources(path.join(web, 'src')).filter((f) => path.basename(f) !== 'strings.ts');
  assert.ok(files.length >= 10, `only ${files.length} sources found`);
  const all = files.flatMap((f) => check(f, fs.readFileSync(f, 'utf8'))
    .map((v) => `${path.relative(root, f)}:${v.line}: ${v.why}: ${v.text}`));
  assert.deepEqual(all, []);
});

test('tsc: the English table has every entry of the Arabic one, the UI type-checks', () => {
  const tsc = path.join(web, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', web, '--noEmit'], { encoding: 'utf8', timeout: 300000 });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});
