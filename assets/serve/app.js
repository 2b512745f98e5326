/*
 * gongwen serve — the browser front end.
 *
 * Three columns: the workspace's files, the editor of the open file (a form generated from a
 * declarative schema, and the TOML text), and a live preview of the pages. The server turns
 * TOML into a JSON `data` object and back (keeping comments and layout); the form edits `data`,
 * the TOML tab edits the text, and each side is synced through POST /api/sync.
 *
 * Plain ES2020, no dependencies; the app runs offline. Visible text is Simplified Chinese.
 */
'use strict';

// ------------------------------------------------------------------------------------ constants

const SYNC_DELAY = 450; // ms after the last edit before syncing form ⇄ TOML (preview follows)
const MAX_IMPORT = 32 * 1024 * 1024; // the server refuses larger uploads

const ROLE_GROUPS = [
  ['spec', '公文规格'],
  ['profile', '机关资料'],
  ['received', '收到的来文'],
];

// ---------------------------------------------------------------------------------------- state

/** The workspace and the open file. */
const state = {
  root: '',
  files: [],
  kinds: [],
  deriveAs: [],
  formats: [], // the output formats, from the server's registry: [{id, label}]
  name: null, // the open file
  role: null, // 'spec' | 'profile'
  toml: '', // the current TOML text
  savedToml: '', // the TOML as loaded or last saved
  data: null, // the TOML as JSON: what the form edits
  tomlBroken: false, // the TOML text does not parse; `data` is the last good one
  diagnostics: [],
  gen: 0, // bumped on each open: late answers about another file are dropped
  dataRev: 0, // bumped on each form edit
  syncError: null, // the last failed sync's message
  saving: null, // the save under way (a promise)
};

/** View state that survives re-rendering the form. */
const ui = {
  tab: 'form',
  open: new Map(), // which collapsible parts are open, by id
  unplaced: [], // diagnostics without a form field
  previewCount: 0,
  saveCount: 0,
};

/** The pending form ⇄ TOML sync. */
const sync = { timer: null, kind: null, seq: 0, inflight: null };

/** The pending preview. */
const preview = { timer: null, seq: 0 };

// ----------------------------------------------------------------------------------- DOM helpers

const $ = (sel, root = document) => root.querySelector(sel);

/** Properties set after the children (a select's value needs its options first). */
const PROPS = new Set(['value', 'checked']);

/** Creates an element: h('button', { class: 'btn', onclick: f }, '保存'). */
function h(tag, attrs = {}, ...kids) {
  const el = document.createElement(tag);
  const props = [];
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (PROPS.has(k)) props.push([k, v]);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...kids.flat(Infinity).filter((k) => k != null && k !== false));
  for (const [k, v] of props) el[k] = v;
  return el;
}

let idCounter = 0;
const nextId = () => `f${++idCounter}`;

/** Shows a message in the status bar; `action` adds a button such as 撤销. */
function setStatus(message, kind = 'info', action = null) {
  const el = $('#status');
  el.className = `status-${kind}`;
  el.replaceChildren(message);
  if (action) {
    el.append(' ', h('button', { type: 'button', class: 'link', onclick: action.run }, action.label));
  }
}

/**
 * Says a failed action beside it (the box `#{where}-error`) and in the status bar: what
 * happened, and what to do next: `also` (said first), then the server's advice `next`.
 */
function showFailure(where, message, next = '', also = '') {
  setStatus(message, 'error');
  const box = $(`#${where}-error`);
  const advice = [also, next].filter(Boolean);
  box.replaceChildren(
    h('button', { type: 'button', class: 'tool', 'aria-label': '关闭', title: '关闭', onclick: () => { box.hidden = true; } }, '✕'),
    h('p', { class: 'what' }, message),
    advice.length ? h('p', { class: 'next' }, h('strong', {}, '怎么办：'), advice.join('')) : null);
  box.dataset.cause = '';
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
}

/** The action succeeded: its earlier failure goes. */
const clearFailure = (where) => { $(`#${where}-error`).hidden = true; };

/** The connection to the server failed: what to do. */
const RECONNECT = '请确认 gongwen 仍在运行（可从开始菜单重新打开“公文排版”），然后再试一次。';

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmpty = (v) => (Array.isArray(v) ? v.length === 0 : isObject(v) && Object.keys(v).length === 0);
const today = () => new Date().toISOString().slice(0, 10);

/** Lets a textarea grow with its content where CSS `field-sizing` is missing. */
const NEEDS_AUTOSIZE = !(window.CSS && CSS.supports && CSS.supports('field-sizing', 'content'));
function autosize(ta) {
  if (!NEEDS_AUTOSIZE || !ta.isConnected || ta.offsetParent === null) return;
  ta.style.height = 'auto';
  ta.style.height = `${ta.scrollHeight + 2}px`;
}
const autosizeAll = (root) => root.querySelectorAll('textarea.grow').forEach(autosize);

// ------------------------------------------------------------------------------ paths and data

/** "sections[0].sections[1].heading" → ["sections", 0, "sections", 1, "heading"]. */
function parsePath(path) {
  const segs = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m;
  while ((m = re.exec(path))) segs.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return segs;
}

/** Appends a key or an index to a path, in the diagnostics' syntax. */
function joinPath(base, seg) {
  if (typeof seg === 'number') return `${base}[${seg}]`;
  return base ? `${base}.${seg}` : seg;
}

/** "sections[1].heading" → "sections[1]" → "sections" → "". */
function parentPath(path) {
  const m = path.match(/^(.*)(\[\d+\]|\.[^.[\]]+)$/);
  return m ? m[1] : '';
}

function getAt(obj, path) {
  let cur = obj;
  for (const s of parsePath(path)) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = cur[s];
  }
  return cur;
}

/** Sets a value, creating the tables and arrays on the way; false if a value is in the way. */
function setAt(obj, path, value) {
  const segs = parsePath(path);
  let cur = obj;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i];
    if (cur[s] === undefined) cur[s] = typeof segs[i + 1] === 'number' ? [] : {};
    else if (cur[s] === null || typeof cur[s] !== 'object') return false;
    cur = cur[s];
  }
  const last = segs[segs.length - 1];
  if (Array.isArray(cur)) while (cur.length < last) cur.push('');
  cur[last] = value;
  return true;
}

/** Removes a key (or an array item); tables and arrays left empty are removed with it. */
function deleteAt(obj, path) {
  const segs = parsePath(path);
  const chain = [obj];
  for (const s of segs.slice(0, -1)) {
    const next = chain[chain.length - 1][s];
    if (next == null || typeof next !== 'object') return;
    chain.push(next);
  }
  const holder = chain[chain.length - 1];
  const last = segs[segs.length - 1];
  if (Array.isArray(holder)) holder.splice(last, 1);
  else delete holder[last];
  // Prune upwards, but never an item out of an array (an empty annex stays an annex).
  for (let i = chain.length - 1; i > 0; i--) {
    if (Array.isArray(chain[i - 1]) || !isEmpty(chain[i])) break;
    delete chain[i - 1][segs[i - 1]];
  }
}

/** The value of a TOML date as `{"$date": "2026-04-01"}` (a plain string is accepted too). */
function dateString(v) {
  if (isObject(v) && typeof v.$date === 'string') return v.$date.slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return '';
}

// ------------------------------------------------------------------------------------------ API

class ApiError extends Error {
  constructor(status, message, diagnostics, body = null, next = '') {
    super(message);
    this.status = status;
    /** What the person can do next, as the server advises. */
    this.next = next || body?.next || '';
    this.diagnostics = Array.isArray(diagnostics) && diagnostics.length ? diagnostics : null;
    this.body = body;
  }
}

/** This tab's id: the server gives each tab its turn at laying documents out. */
const TAB = Math.random().toString(36).slice(2);

/** Calls the server; JSON in and out. Every request other than GET carries X-Gongwen: 1. */
async function api(method, url, body, { raw = false } = {}) {
  const opts = { method, headers: { 'X-Gongwen-Tab': TAB } };
  if (method !== 'GET') opts.headers['X-Gongwen'] = '1';
  if (body !== undefined) {
    opts.headers['Content-Type'] = raw ? 'application/octet-stream' : 'application/json';
    opts.body = raw ? body : JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url, opts);
  } catch {
    throw new ApiError(0, '无法连接到 gongwen 服务。', null, null, RECONNECT);
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(res.status, json?.error || `请求失败（HTTP ${res.status}）`, json?.diagnostics, json);
  }
  return json || {};
}

const q = (params) => new URLSearchParams(params).toString();

// --------------------------------------------------------------------------------------- schema
//
// The form is described as data, served by GET /api/schema (src/spec/form.rs) and turned here
// into field objects. A field has a `key` (its TOML key), a `label`, a widget `type` and
// options: `hint`, `req` (required: shown with ＊, kept as "" when emptied), `def` (the default
// the program assumes), `kinds` (shown only for these 文种, or when the data has the key),
// `when(obj)` (shown only when true, or when present), `more` (tucked under “更多”),
// `rerender` (the form changes with it), `suggest` (a text field's usual values).

const field = (type) => (key, label, opts = {}) => ({ type, key, label, ...opts });
const text = field('text'); // one line of text
const long = field('long'); // one string, long enough to wrap (Enter is refused)
const paras = field('paragraphs'); // a string or an array of strings, one line each
const lines = field('lines'); // an array of strings, one line each
const num = field('number');
const date = field('date'); // a TOML date: {"$date": "YYYY-MM-DD"}
const bool = field('bool');
const docno = field('docnumber'); // 发文字号: a string or { code, year, serial }
const choice = (key, label, options, opts = {}) => ({ type: 'select', key, label, options, ...opts });
const flags = (key, label, options, opts = {}) => ({ type: 'flags', key, label, options, ...opts });
const obj = (key, label, fields, opts = {}) => ({ type: 'object', key, label, fields, ...opts });
const recs = (key, label, fields, opts = {}) => ({ type: 'records', key, label, fields, ...opts });
const tree = (key, label, body, opts = {}) => ({ type: 'tree', key, label, body, ...opts });
const table = (label, opts = {}) => ({ type: 'table', key: 'columns', also: ['rows'], label, ...opts });
const group = (label, fields, opts = {}) => ({ type: 'group', label, fields, ...opts });

const opt = (value, label) => ({ value, label });

/** The served forms in the shape above, once loaded; `error` says why they are missing. */
const forms = { spec: null, profile: null, error: null };

/** Each served `type` → its constructor; `kids` are the field's own fields, already built. */
const BUILD = {
  text, long, paras, lines, num, date, bool, docno,
  choice: (key, label, o) => choice(key, label, o.options || [], o),
  flags: (key, label, o) => flags(key, label, o.options || [], o),
  obj: (key, label, o, kids) => obj(key, label, kids, o),
  recs: (key, label, o, kids) => recs(key, label, kids, o),
  group: (key, label, o, kids) => group(label, kids, o),
  tree: (key, label, o, kids) => tree(key, label, kids, o),
  table: (key, label, o) => table(label, o),
};

/** A served condition {key, in | not_in} as a predicate on the object around the field. */
const condition = ({ key, in: any, not_in: none }) =>
  (o) => (!any || any.includes(o[key])) && (!none || !none.includes(o[key]));

/**
 * One served field as a field object: `when` {key, in | not_in} becomes a predicate, `make` a
 * function returning a fresh copy of its template ({"$today": true} → today's date), `title`
 * {prefix, key} a function naming a record (附件2：…), `title_key` `titleKey`.
 */
function fromSchema(d) {
  const build = BUILD[d.type];
  if (!build) throw new Error(`未知的字段类型“${d.type}”`);
  const { key, label, type, fields, when, make, title, title_key: titleKey, ...o } = d;
  if (titleKey) o.titleKey = titleKey;
  if (when) o.when = condition(when);
  if (make !== undefined) {
    const json = JSON.stringify(make);
    o.make = () => JSON.parse(json, (_, v) => (isObject(v) && v.$today === true ? { $date: today() } : v));
  }
  if (title) {
    o.title = (item, i) => {
      const v = item[title.key];
      return `${title.prefix}${i + 1}${v ? `：${[].concat(v).join('、')}` : ''}`;
    };
  }
  return build(key, label, o, (fields || []).map(fromSchema));
}

/** Loads the form's schema from the server; without it the form says why (TOML still works). */
async function loadSchema() {
  try {
    const served = await api('GET', '/api/schema');
    if (!Array.isArray(served.spec) || !Array.isArray(served.profile)) throw new Error('服务器返回的内容不完整');
    forms.spec = served.spec.map(fromSchema);
    forms.profile = served.profile.map(fromSchema);
    forms.error = null;
    state.formats = Array.isArray(served.formats) ? served.formats : [];
    renderDownloads();
  } catch (e) {
    forms.spec = null;
    forms.profile = null;
    forms.error = e instanceof ApiError ? e.message : `表单结构有误：${e.message}`;
    showFailure('open', `无法读取表单结构：${forms.error}`, '请刷新页面（F5）；仍不行时请重新打开“公文排版”。');
  }
}

// ---------------------------------------------------------------------------------- form render

const docKind = () => (isObject(state.data) && state.data.kind) || 'notice';

/** The keys a list of fields covers (a group's fields belong to the object around it). */
function knownKeys(fields) {
  const keys = new Set();
  for (const f of fields) {
    if (f.type === 'group') knownKeys(f.fields).forEach((k) => keys.add(k));
    else [f.key, ...(f.also || [])].forEach((k) => keys.add(k));
  }
  return keys;
}

function hasValue(o, f) {
  if (!isObject(o)) return false;
  if (f.type === 'group') return f.fields.some((c) => hasValue(o, c));
  return [f.key, ...(f.also || [])].some((k) => o[k] !== undefined);
}

/** Fields for other 文种 (or other annex kinds …) are hidden unless the data has them. */
function isVisible(f, o) {
  if (f.kinds && !f.kinds.includes(docKind())) return hasValue(o, f);
  if (f.when && !f.when(isObject(o) ? o : {})) return hasValue(o, f);
  return true;
}

/** Whether a value has the shape a widget can edit. */
function fits(type, v) {
  if (v === undefined) return true;
  switch (type) {
    case 'text': case 'long': return typeof v === 'string';
    case 'number': return typeof v === 'number';
    case 'bool': return typeof v === 'boolean';
    case 'date': return dateString(v) !== '';
    case 'paragraphs': return typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
    case 'lines': case 'flags': return Array.isArray(v) && v.every((s) => typeof s === 'string');
    case 'docnumber': return typeof v === 'string' || isObject(v);
    case 'object': return isObject(v);
    case 'records': case 'tree': return Array.isArray(v) && v.every(isObject);
    default: return true;
  }
}

/** Re-renders the whole form from `state.data`, keeping focus and scroll where possible. */
function renderForm({ focus = null } = {}) {
  const form = $('#form');
  const scroller = $('#panel-form');
  const top = scroller.scrollTop;
  const kept = focus ? { field: focus } : captureFocus(form);
  form.replaceChildren(...formContent());
  scroller.scrollTop = top;
  placeFindings();
  renderFindingsList();
  restoreFocus(form, kept, Boolean(focus));
  requestAnimationFrame(() => autosizeAll(form));
}

function formContent() {
  const schema = state.role === 'profile' ? forms.profile : forms.spec;
  if (!schema) {
    return [h('p', { class: 'banner', role: 'alert' },
      `无法读取表单结构（/api/schema）：${forms.error || '尚未载入'}。表单暂不可用，可在“TOML”页编辑；`
      + '请确认 gongwen serve 仍在运行，然后刷新页面。')];
  }
  if (!state.name) return [h('p', { class: 'empty' }, '从左侧打开一个文件，或新建一个。')];
  if (!isObject(state.data)) {
    return [h('p', { class: 'empty' }, 'TOML 有语法错误，表单暂不可用。请在“TOML”页改正（错误见上方列表）。')];
  }
  const parts = schema.filter((f) => isVisible(f, state.data)).map((f) => renderPart(f, state.data));
  const root = h('fieldset', { class: 'form-root', disabled: state.tomlBroken }, parts, renderOthers(schema, state.data, ''));
  if (!state.tomlBroken) return [root];
  return [h('p', { class: 'banner' }, 'TOML 有语法错误：表单显示的是最后一次正确的内容，暂不能编辑。'), root];
}

/** A top-level part: a collapsible panel. */
function renderPart(f, data) {
  const id = f.key || f.label;
  const open = ui.open.has(id) ? ui.open.get(id) : Boolean(f.open || hasValue(data, f));
  let body;
  if (f.type === 'group') body = renderFieldList(f.fields, data, '');
  else if (f.type === 'object') body = renderObjectBody(f, f.key, data[f.key]);
  else body = renderControl(f, f.key, data[f.key], { obj: data, base: '', id: nextId() });
  const count = Array.isArray(data[f.key]) ? h('span', { class: 'count' }, String(data[f.key].length)) : null;
  return h('details', {
    class: 'part',
    open,
    'data-field': f.type === 'object' ? f.key : null,
    ontoggle: (e) => ui.open.set(id, e.target.open),
  }, h('summary', {}, f.label, count), h('div', { class: 'slot' }), h('div', { class: 'part-body' }, body));
}

/** The fields of an object, then “更多” for the rarely used ones, then unknown keys. */
function renderFields(fields, o, base, drawnElsewhere = []) {
  return [...renderFieldList(fields, o, base), renderOthers(fields, o, base, drawnElsewhere)];
}

function renderFieldList(fields, o, base) {
  const shown = fields.filter((f) => isVisible(f, o));
  const main = shown.filter((f) => !f.more || hasValue(o, f));
  const more = shown.filter((f) => f.more && !hasValue(o, f));
  const out = main.map((f) => renderField(f, o, base));
  if (more.length) {
    const id = `${base}#more`;
    out.push(h('details', {
      class: 'more',
      open: ui.open.get(id),
      ontoggle: (e) => ui.open.set(id, e.target.open),
    }, h('summary', {}, `更多（${more.map((f) => f.label).join('、')}）`),
    more.map((f) => renderField(f, o, base))));
  }
  return out;
}

/** One field with its label and hint. */
function renderField(f, o, base) {
  if (f.type === 'group') return renderFieldList(f.fields, o, base);
  const path = joinPath(base, f.key);
  const value = isObject(o) ? o[f.key] : undefined;
  if (f.type === 'object' && fits('object', value)) {
    return h('fieldset', { class: 'object', 'data-field': path },
      h('legend', {}, f.label), h('div', { class: 'slot' }), renderObjectBody(f, path, value));
  }
  const id = nextId();
  const control = renderControl(f, path, value, { obj: o, base, id });
  const hint = f.hint ? h('div', { class: 'hint', id: `${id}-hint` }, f.hint) : null;
  if (f.type === 'bool') return h('div', { class: 'field field-check' }, control, hint);
  const req = f.req ? h('span', { class: 'req', 'aria-hidden': 'true' }, '＊') : null;
  if (['records', 'tree', 'table'].includes(f.type)) {
    if (f.quiet && !(Array.isArray(value) && value.length)) return h('div', { class: 'field field-quiet' }, control);
    return h('div', { class: 'field field-wide' }, h('div', { class: 'field-label' }, f.label, req), control, hint);
  }
  // A group of checkboxes is named by a plain label element; anything else by <label for>.
  const label = f.type === 'flags'
    ? h('div', { class: 'field-label', id: `${id}-label` }, f.label, req)
    : h('label', { for: id }, f.label, req);
  return h('div', { class: 'field' }, label, control, hint);
}

function renderObjectBody(f, path, value) {
  if (!fits('object', value)) return mismatch(path, value);
  return renderFields(f.fields, value, path);
}

/** The widget for one field, or a note when the data has another shape. */
function renderControl(f, path, value, ctx) {
  if (!fits(f.type, value)) return mismatch(path, value);
  return WIDGETS[f.type](f, path, value, ctx);
}

function mismatch(path, value) {
  return h('div', { class: 'mismatch', 'data-field': path },
    '格式与要求不符，请在“TOML”页修改：', h('code', {}, short(JSON.stringify(value))));
}

const short = (s, n = 120) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Keys the schema does not know: kept in the data and the TOML, listed read-only. */
function renderOthers(fields, o, base, drawnElsewhere = []) {
  if (!isObject(o)) return null;
  const known = knownKeys(fields);
  drawnElsewhere.forEach((k) => known.add(k));
  const rest = Object.keys(o).filter((k) => !known.has(k));
  if (!rest.length) return null;
  return h('div', { class: 'others' },
    h('div', { class: 'others-title' }, '其他（表单未列出的键，请在“TOML”页编辑）'),
    rest.map((k) => h('div', { class: 'kv', 'data-field': joinPath(base, k) },
      h('code', {}, k), ' = ', h('code', {}, short(JSON.stringify(o[k]))))));
}

// -------------------------------------------------------------------------------------- widgets

const WIDGETS = {
  text: textWidget,
  long: longWidget,
  paragraphs: (f, path, value, ctx) => linesWidget(f, path, value, ctx, true),
  lines: (f, path, value, ctx) => linesWidget(f, path, value, ctx, false),
  number: numberWidget,
  date: dateWidget,
  bool: boolWidget,
  select: selectWidget,
  flags: flagsWidget,
  docnumber: docNumberWidget,
  records: recordsWidget,
  tree: treeWidget,
  table: tableWidget,
};

/** The attributes every control has: its id, its field path and its hint. */
const controlAttrs = (f, path, id) => ({ id, 'data-field': path, 'aria-describedby': f.hint ? `${id}-hint` : null });

/** Writes a string; an empty optional field is removed, a required one kept as "". */
function writeText(f, path, v) {
  edit(path, v.trim() === '' && !f.req ? undefined : v);
}

function textWidget(f, path, value, { id }) {
  const listId = f.suggest ? `${id}-list` : null;
  const input = h('input', {
    ...controlAttrs(f, path, id),
    type: 'text',
    value: value ?? '',
    list: listId,
    oninput: (e) => writeText(f, path, e.target.value),
  });
  if (!listId) return input;
  return [input, h('datalist', { id: listId }, f.suggest.map((s) => h('option', { value: s })))];
}

/** One long string: a growing textarea that refuses line breaks. */
function longWidget(f, path, value, { id }) {
  return h('textarea', {
    ...controlAttrs(f, path, id),
    class: 'grow',
    rows: 1,
    value: value ?? '',
    onkeydown: (e) => { if (e.key === 'Enter') e.preventDefault(); },
    oninput: (e) => { autosize(e.target); writeText(f, path, e.target.value.replace(/\r?\n/g, '')); },
  });
}

/** Strings one per line: paragraphs (a string when there is one) or a list (always an array). */
function linesWidget(f, path, value, { id }, paragraphs) {
  const shown = Array.isArray(value) ? value.join('\n') : value ?? '';
  return h('textarea', {
    ...controlAttrs(f, path, id),
    class: 'grow',
    rows: paragraphs ? 2 : 1,
    value: shown,
    oninput: (e) => { autosize(e.target); writeLines(f, path, e.target.value, paragraphs); },
  });
}

function writeLines(f, path, textValue, paragraphs) {
  const items = textValue.split('\n').map((s) => s.trim()).filter(Boolean);
  const current = getAt(state.data, path);
  if (!items.length) edit(path, f.req ? (paragraphs ? '' : []) : undefined);
  else if (paragraphs && items.length === 1 && !Array.isArray(current)) edit(path, items[0]);
  else edit(path, items);
}

function numberWidget(f, path, value, { id }) {
  return h('input', {
    ...controlAttrs(f, path, id),
    type: 'number',
    class: 'num',
    value: value ?? '',
    step: f.step || 1,
    min: f.min,
    oninput: (e) => {
      const el = e.target;
      if (el.value === '') { if (!el.validity.badInput) edit(path, undefined); return; }
      const n = Number(el.value);
      if (Number.isFinite(n)) edit(path, n);
    },
  });
}

function dateWidget(f, path, value, { id }) {
  return h('input', {
    ...controlAttrs(f, path, id),
    type: 'date',
    value: dateString(value),
    oninput: (e) => edit(path, e.target.value ? { $date: e.target.value } : undefined),
  });
}

/** Writes a choice; an absent key stays absent while the default is chosen. */
function writeChoice(f, path, v) {
  if (v === f.def && getAt(state.data, path) === undefined) return;
  edit(path, v);
  if (f.rerender) renderForm();
}

function boolWidget(f, path, value, { id }) {
  return h('label', { class: 'check', for: id },
    h('input', {
      ...controlAttrs(f, path, id),
      type: 'checkbox',
      checked: value ?? f.def ?? false,
      onchange: (e) => writeChoice(f, path, e.target.checked),
    }),
    f.label);
}

function selectWidget(f, path, value, { id }) {
  const options = [...(typeof f.options === 'function' ? f.options() : f.options)];
  const current = value === undefined ? f.def : value;
  if (current !== undefined && !options.some((o) => o.value === current)) options.push(opt(current, String(current)));
  if (current === undefined && !options.some((o) => o.value === undefined)) options.unshift(opt(undefined, '（请选择）'));
  const index = options.findIndex((o) => o.value === current);
  return h('select', {
    ...controlAttrs(f, path, id),
    onchange: (e) => writeChoice(f, path, options[Number(e.target.value)].value),
    value: String(Math.max(index, 0)),
  }, options.map((o, i) => h('option', { value: String(i) }, o.label)));
}

/** Several checkboxes writing one array of ids (e.g. a rule's `for`). */
function flagsWidget(f, path, value, { id }) {
  const chosen = new Set(value || []);
  const options = typeof f.options === 'function' ? f.options() : f.options;
  const box = h('div', { class: 'flags', role: 'group', 'aria-labelledby': `${id}-label`, 'data-field': path });
  const write = () => {
    const ids = [...box.querySelectorAll('input:checked')].map((el) => el.value);
    edit(path, ids.length ? ids : undefined);
  };
  for (const o of options) {
    box.append(h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: o.value, 'data-field': path, checked: chosen.has(o.value), onchange: write }),
      o.label));
  }
  return box;
}

/** 发文字号: kept in the form the spec uses — one string, or 代字/年份/序号. */
function docNumberWidget(f, path, value, ctx) {
  if (!isObject(value)) return textWidget({ ...f, suggest: null }, path, value, ctx);
  const part = (key, label, type, cls) => {
    const pid = key === 'code' ? ctx.id : nextId();
    return h('span', { class: `docno-part ${cls}` },
      h('label', { for: pid, class: 'sub' }, label),
      h('input', {
        type,
        id: pid,
        'data-field': `${path}.${key}`,
        value: value[key] ?? '',
        oninput: (e) => {
          const v = e.target.value;
          if (type === 'number') edit(`${path}.${key}`, v === '' ? undefined : Number(v));
          else edit(`${path}.${key}`, v);
        },
      }));
  };
  return h('div', { class: 'docno', 'data-field': path },
    part('code', '机关代字', 'text', 'code'), h('span', { class: 'bracket' }, '〔'),
    part('year', '年份', 'number', 'year'), h('span', { class: 'bracket' }, '〕'),
    part('serial', '序号', 'number', 'serial'), h('span', { class: 'bracket' }, '号'));
}

const toolButton = (label, symbol, onclick, enabled = true) =>
  h('button', { type: 'button', class: 'tool', title: label, 'aria-label': label, disabled: !enabled, onclick }, symbol);

/** An array of tables: one card each, with move and delete buttons. */
function recordsWidget(f, path, value) {
  const list = value || [];
  const box = h('div', { class: `records${f.compact ? ' compact' : ''}`, 'data-field': path, 'aria-label': f.label });
  list.forEach((item, i) => box.append(recordCard(f, path, list, i)));
  box.append(h('button', {
    type: 'button',
    class: 'btn add',
    onclick: () => addItem(path, f.make(), `${path}[${list.length}]`),
  }, `＋ 添加${f.item}`));
  return box;
}

function recordTitle(f, item, i) {
  if (f.title) return f.title(item, i);
  const named = f.titleKey && item[f.titleKey];
  return `${f.item}${i + 1}${named ? `：${named}` : ''}`;
}

function recordCard(f, path, list, i) {
  const p = `${path}[${i}]`;
  const item = list[i];
  const title = recordTitle(f, item, i);
  return h('div', { class: 'card', 'data-field': p },
    h('div', { class: 'card-head' },
      h('span', { class: 'card-title' }, title),
      toolButton('上移', '↑', () => moveItem(path, i, -1), i > 0),
      toolButton('下移', '↓', () => moveItem(path, i, 1), i < list.length - 1),
      toolButton(`删除${f.item}`, '✕', () => removeItem(path, i, `“${title}”`))),
    h('div', { class: 'slot' }),
    h('div', { class: 'card-body' }, renderFields(f.fields, item, p)));
}

// The section tree: 一、（一）1.（1）, each section a card holding its subsections.

const CN_DIGITS = '一二三四五六七八九';
function chineseNumber(n) {
  if (n < 10) return CN_DIGITS[n - 1];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens > 1 ? CN_DIGITS[tens - 1] : ''}十${units ? CN_DIGITS[units - 1] : ''}`;
}

function sectionNumber(level, i) {
  const n = i + 1;
  if (level === 0) return `${chineseNumber(n)}、`;
  if (level === 1) return `（${chineseNumber(n)}）`;
  if (level === 2) return `${n}.`;
  return `（${n}）`;
}

const MAX_LEVEL = 3; // four heading levels: 0 … 3

function treeWidget(f, path, value) {
  const box = sectionList(f, path, value || [], f.level || 0, path);
  box.setAttribute('aria-label', f.label);
  return box;
}

function sectionList(f, listPath, list, level, rootPath) {
  const box = h('div', { class: `tree level-${level}`, 'data-field': listPath });
  list.forEach((sec, i) => box.append(sectionCard(f, listPath, list, i, level, rootPath)));
  if (listPath === rootPath || list.length) {
    box.append(h('button', {
      type: 'button',
      class: 'btn add',
      onclick: () => addItem(listPath, { heading: '' }, `${listPath}[${list.length}].heading`),
    }, listPath === rootPath ? '＋ 添加一节' : '＋ 添加同级'));
  }
  return box;
}

function sectionCard(f, listPath, list, i, level, rootPath) {
  const p = `${listPath}[${i}]`;
  const sec = list[i];
  const id = nextId();
  const children = Array.isArray(sec.sections) && sec.sections.length
    ? sectionList(f, `${p}.sections`, sec.sections, level + 1, rootPath)
    : null;
  return h('div', { class: `card section level-${level}`, 'data-field': p },
    h('div', { class: 'card-head' },
      h('label', { class: 'num', for: id, title: '序号自动编排' }, sectionNumber(level, i)),
      h('input', {
        type: 'text',
        id,
        class: 'heading',
        'data-field': `${p}.heading`,
        value: sec.heading ?? '',
        placeholder: '标题（不写序号）',
        oninput: (e) => edit(`${p}.heading`, e.target.value),
      }),
      toolButton('上移', '↑', () => moveItem(listPath, i, -1, '.heading'), i > 0),
      toolButton('下移', '↓', () => moveItem(listPath, i, 1, '.heading'), i < list.length - 1),
      toolButton('提升一级', '⇤', () => outdent(listPath, i), listPath !== rootPath),
      toolButton('降低一级（并入上一节）', '⇥', () => indent(listPath, i), i > 0 && level < MAX_LEVEL),
      toolButton('添加下一层', '＋', () => addChild(p, sec), level < MAX_LEVEL),
      toolButton('删除这一节', '✕', () => removeItem(listPath, i, `“${sec.heading || sectionNumber(level, i)}”`))),
    h('div', { class: 'slot' }),
    h('div', { class: 'card-body' }, renderFields(f.body, sec, p, ['heading', 'sections'])),
    children);
}

/** A table annex: column titles (with optional widths) and the grid of rows. */
function tableWidget(f, path, value, ctx) {
  const base = ctx.base;
  const item = ctx.obj || {};
  const cols = Array.isArray(item.columns) ? item.columns : [];
  const rows = f.rows && Array.isArray(item.rows) ? item.rows : [];
  const width = Math.max(cols.length, ...rows.map((r) => (Array.isArray(r) ? r.length : 0)));
  const head = h('tr', {}, h('th', { class: 'corner', scope: 'col' }, f.rows ? '行' : ''));
  for (let j = 0; j < width; j++) head.append(columnHead(base, cols, j));
  const body = rows.map((row, i) => tableRow(base, row, i, width));
  return h('div', { class: 'table-editor', 'data-field': path },
    h('div', { class: 'slot' }),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'grid' }, h('thead', {}, head), f.rows ? h('tbody', {}, body) : null)),
    h('div', { class: 'table-actions', 'data-field': f.rows ? `${base}.rows` : null },
      h('button', { type: 'button', class: 'btn', onclick: () => addColumn(base) }, '＋ 添加列'),
      f.rows ? h('button', { type: 'button', class: 'btn', onclick: () => addRow(base, width) }, '＋ 添加行') : null,
      h('span', { class: 'hint' }, `${width} 列${f.rows ? ` · ${rows.length} 行` : ''}；宽度为相对值，不填则按内容；“上层”相同的相邻列共用一个上层标题（两行表头）`)));
}

function columnHead(base, cols, j) {
  const col = cols[j];
  const title = isObject(col) ? col.title ?? '' : col ?? '';
  const width = isObject(col) ? col.width ?? '' : '';
  const group = isObject(col) ? col.group ?? '' : '';
  return h('th', { scope: 'col' },
    h('input', {
      type: 'text',
      class: 'col-title',
      'aria-label': `第${j + 1}列标题`,
      'data-field': `${base}.columns[${j}]`,
      value: title,
      oninput: (e) => writeColumnTitle(base, j, e.target.value),
    }),
    h('span', { class: 'col-tools' },
      h('input', {
        type: 'number',
        class: 'col-width',
        min: 0,
        step: 0.1,
        placeholder: '宽',
        'aria-label': `第${j + 1}列相对宽度`,
        'data-field': `${base}.columns[${j}].width`,
        value: width,
        oninput: (e) => writeColumnWidth(base, j, e.target.value),
      }),
      h('input', {
        type: 'text',
        class: 'col-group',
        placeholder: '上层',
        'aria-label': `第${j + 1}列的上层标题`,
        'data-field': `${base}.columns[${j}].group`,
        value: group,
        oninput: (e) => writeColumnGroup(base, j, e.target.value),
      }),
      toolButton(`删除第${j + 1}列`, '✕', () => removeColumn(base, j))));
}

function tableRow(base, row, i, width) {
  const cells = Array.isArray(row) ? row : [];
  const tr = h('tr', {}, h('th', { scope: 'row', class: 'row-head' },
    String(i + 1), toolButton(`删除第${i + 1}行`, '✕', () => removeItem(`${base}.rows`, i, `第${i + 1}行`))));
  for (let j = 0; j < width; j++) {
    tr.append(h('td', {}, h('input', {
      type: 'text',
      'aria-label': `第${i + 1}行第${j + 1}列`,
      'data-field': `${base}.rows[${i}][${j}]`,
      value: cells[j] ?? '',
      oninput: (e) => edit(`${base}.rows[${i}][${j}]`, e.target.value),
    })));
  }
  return tr;
}

function writeColumnTitle(base, j, v) {
  const col = getAt(state.data, `${base}.columns[${j}]`);
  edit(isObject(col) ? `${base}.columns[${j}].title` : `${base}.columns[${j}]`, v);
}

/** A width or a group turns the column into { title, … }; with neither it is a plain title again. */
function writeColumnKey(base, j, key, value) {
  const path = `${base}.columns[${j}]`;
  const col = getAt(state.data, path);
  const obj = isObject(col) ? { ...col } : { title: col ?? '' };
  if (value === undefined) delete obj[key];
  else obj[key] = value;
  edit(path, Object.keys(obj).every((k) => k === 'title') ? obj.title ?? '' : obj);
}

function writeColumnWidth(base, j, v) {
  const n = Number(v);
  writeColumnKey(base, j, 'width', v === '' || !Number.isFinite(n) ? undefined : n);
}

/** 上层: the title over this column and its neighbours of the same group. */
function writeColumnGroup(base, j, v) {
  writeColumnKey(base, j, 'group', v.trim() === '' ? undefined : v);
}

// ----------------------------------------------------------------------------- structural edits

/** Records one form edit: the TOML follows after a pause. */
function edit(path, value) {
  if (!isObject(state.data)) return;
  if (value === undefined) deleteAt(state.data, path);
  else if (!setAt(state.data, path, value)) {
    setStatus(`无法写入 ${path}：上层的值格式不符，请在“TOML”页修改。`, 'error');
    return;
  }
  state.dataRev++;
  queueSync('form');
}

/** Changes the shape of the data (add, move, delete), re-renders, and offers 撤销. */
function structural(change, { focus = null, undo = null } = {}) {
  if (!isObject(state.data)) return;
  const before = structuredClone(state.data);
  change(state.data);
  state.dataRev++;
  queueSync('form');
  renderForm({ focus });
  if (!undo) return;
  const { gen, dataRev } = state;
  setStatus(`已删除${undo}`, 'info', {
    label: '撤销',
    run: () => {
      if (gen !== state.gen || dataRev !== state.dataRev) {
        setStatus('删除之后已有其他修改，无法撤销。', 'error');
        return;
      }
      state.data = before;
      state.dataRev++;
      queueSync('form');
      renderForm();
      setStatus('已撤销删除', 'ok');
    },
  });
}

const listAt = (path) => {
  const list = getAt(state.data, path);
  return Array.isArray(list) ? list : null;
};

function addItem(listPath, item, focus) {
  structural((data) => {
    const list = listAt(listPath);
    if (list) list.push(item);
    else setAt(data, listPath, [item]);
  }, { focus });
}

function moveItem(listPath, i, delta, focusSuffix = '') {
  structural(() => {
    const list = listAt(listPath);
    [list[i], list[i + delta]] = [list[i + delta], list[i]];
  }, { focus: `${listPath}[${i + delta}]${focusSuffix}` });
}

function removeItem(listPath, i, what) {
  structural((data) => {
    const list = listAt(listPath);
    if (list.length === 1) deleteAt(data, listPath);
    else list.splice(i, 1);
  }, { undo: what });
}

function addChild(sectionPath, sec) {
  const n = Array.isArray(sec.sections) ? sec.sections.length : 0;
  addItem(`${sectionPath}.sections`, { heading: '' }, `${sectionPath}.sections[${n}].heading`);
}

/** Moves a section into the end of its previous sibling's subsections. */
function indent(listPath, i) {
  const list = listAt(listPath);
  const prev = list[i - 1];
  const n = Array.isArray(prev.sections) ? prev.sections.length : 0;
  structural(() => {
    const [sec] = list.splice(i, 1);
    (prev.sections = Array.isArray(prev.sections) ? prev.sections : []).push(sec);
  }, { focus: `${listPath}[${i - 1}].sections[${n}].heading` });
}

/** Moves a section out of its parent, to follow the parent. */
function outdent(listPath, i) {
  const parent = parentPath(listPath); // "sections[2]"
  const grandList = parentPath(parent); // "sections"
  const parentIndex = Number(parent.match(/\[(\d+)\]$/)[1]);
  structural((data) => {
    const list = listAt(listPath);
    const [sec] = list.splice(i, 1);
    if (!list.length) deleteAt(data, listPath);
    listAt(grandList).splice(parentIndex + 1, 0, sec);
  }, { focus: `${grandList}[${parentIndex + 1}].heading` });
}

function addColumn(base) {
  const cols = listAt(`${base}.columns`) || [];
  structural((data) => setAt(data, `${base}.columns[${cols.length}]`, `第${cols.length + 1}列`), {
    focus: `${base}.columns[${cols.length}]`,
  });
}

function removeColumn(base, j) {
  structural((data) => {
    const cols = listAt(`${base}.columns`);
    if (cols && j < cols.length) cols.splice(j, 1);
    for (const row of listAt(`${base}.rows`) || []) if (Array.isArray(row)) row.splice(j, 1);
    if (cols && !cols.length) deleteAt(data, `${base}.columns`);
  }, { undo: `第${j + 1}列` });
}

function addRow(base, width) {
  const n = (listAt(`${base}.rows`) || []).length;
  addItem(`${base}.rows`, Array(Math.max(width, 1)).fill(''), `${base}.rows[${n}][0]`);
}

// ---------------------------------------------------------------------------------------- focus

function captureFocus(root) {
  const el = document.activeElement;
  if (!el || !root.contains(el) || !el.dataset.field) return null;
  let start = null;
  let end = null;
  try {
    start = el.selectionStart;
    end = el.selectionEnd;
  } catch { /* not a text control */ }
  return { field: el.dataset.field, start, end };
}

/** Focuses the control for a field path (a container: its first control). */
function restoreFocus(root, kept, reveal) {
  if (!kept) return;
  let el = fieldIndex(root).get(kept.field);
  if (el && !/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) el = el.querySelector('input, textarea, select');
  if (!el) return;
  el.focus({ preventScroll: !reveal });
  if (reveal) el.scrollIntoView({ block: 'nearest' });
  if (kept.start != null) {
    try { el.setSelectionRange(kept.start, kept.end); } catch { /* not a text control */ }
  }
}

// ------------------------------------------------------------------------------------- findings

/** The first element for each data-field path in `root` (containers come before their inputs). */
function fieldIndex(root) {
  const index = new Map();
  for (const el of root.querySelectorAll('[data-field]:not(.finding)')) {
    if (!index.has(el.dataset.field)) index.set(el.dataset.field, el);
  }
  return index;
}

/** The element for a path, or for its nearest ancestor that has one. */
function elementForField(index, path) {
  for (let p = path; p; p = parentPath(p)) if (index.has(p)) return index.get(p);
  return null;
}

function setDiagnostics(list) {
  state.diagnostics = Array.isArray(list) ? list : [];
  // A download refused for the text's errors is no longer true once they are corrected.
  const out = $('#output-error');
  if (out.dataset.cause === 'errors' && !state.diagnostics.some((d) => d.severity === 'error')) out.hidden = true;
  placeFindings();
  renderFindingsList();
  renderDiagCount();
}

const severityOf = (d) => (d.severity === 'error' ? 'error' : 'warning');

function findingElement(d) {
  const where = d.line ? `第 ${d.line} 行${d.column ? `第 ${d.column} 列` : ''}` : '';
  return h('div', {
    class: `finding ${severityOf(d)}`,
    'data-field': d.field || '',
    title: [d.rule, where].filter(Boolean).join(' · ') || null,
  }, d.message || d.rule || '（无说明）');
}

/** Puts each diagnostic under the form field it concerns; the rest go to the top list. */
function placeFindings() {
  const form = $('#form');
  form.querySelectorAll('.finding').forEach((el) => el.remove());
  form.querySelectorAll('.has-error, .has-warning').forEach((el) => el.classList.remove('has-error', 'has-warning'));
  ui.unplaced = [];
  const index = fieldIndex(form);
  for (const d of state.diagnostics) {
    const el = d.field ? elementForField(index, d.field) : null;
    if (el) attachFinding(el, d);
    else ui.unplaced.push(d);
  }
}

function attachFinding(el, d) {
  el.classList.add(`has-${severityOf(d)}`);
  const node = findingElement(d);
  const slot = el.querySelector(':scope > .slot') || (el.closest('.card-head') ? el.closest('.card').querySelector(':scope > .slot') : null);
  if (slot) slot.append(node);
  else {
    let anchor = el.type === 'checkbox' && el.parentElement.tagName === 'LABEL' ? el.parentElement : el;
    while (anchor.nextElementSibling?.classList.contains('finding')) anchor = anchor.nextElementSibling;
    anchor.after(node);
  }
  for (let det = node.closest('details'); det; det = det.parentElement.closest('details')) det.open = true;
}

/** The list at the top: unplaced findings (form tab) or every finding with line:column (TOML). */
function renderFindingsList() {
  const box = $('#findings');
  const items = ui.tab === 'toml' ? state.diagnostics : ui.unplaced;
  box.replaceChildren(...items.map(listedFinding));
  box.hidden = items.length === 0;
}

function listedFinding(d) {
  const node = findingElement(d);
  const loc = d.line ? `${d.line}:${d.column || 1}` : '—';
  node.prepend(h('button', {
    type: 'button',
    class: 'loc',
    title: d.line ? '在 TOML 中定位' : null,
    disabled: !d.line,
    onclick: () => gotoToml(d.line, d.column || 1),
  }, loc));
  if (d.field) node.append(h('code', { class: 'path' }, d.field));
  return node;
}

function renderDiagCount() {
  const errors = state.diagnostics.filter((d) => severityOf(d) === 'error').length;
  const warnings = state.diagnostics.length - errors;
  const el = $('#diag-count');
  el.className = errors ? 'count-error' : warnings ? 'count-warning' : 'count-ok';
  el.textContent = !state.name ? '' : errors || warnings
    ? [errors && `${errors} 个错误`, warnings && `${warnings} 个提醒`].filter(Boolean).join(' · ')
    : '没有发现问题';
}

/** Shows a line of the TOML text. */
async function gotoToml(line, column) {
  await showTab('toml');
  const ta = $('#toml-editor');
  const rows = ta.value.split('\n');
  const l = Math.min(Math.max(line, 1), rows.length);
  let offset = 0;
  for (let i = 0; i < l - 1; i++) offset += rows[i].length + 1;
  offset += Math.min(Math.max(column - 1, 0), rows[l - 1].length);
  ta.focus();
  ta.setSelectionRange(offset, offset);
  const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
  ta.scrollTop = Math.max(0, (l - 4) * lineHeight);
}

// ------------------------------------------------------------------------------ sync and tabs

/** Schedules a sync after a pause: 'form' sends data → TOML, 'toml' sends text → data. */
function queueSync(kind) {
  sync.kind = kind;
  clearTimeout(sync.timer);
  sync.timer = setTimeout(runSync, SYNC_DELAY);
  clearTimeout(preview.timer);
  updateDirty();
}

async function runSync() {
  clearTimeout(sync.timer);
  sync.timer = null;
  const kind = sync.kind;
  const seq = ++sync.seq;
  const gen = state.gen;
  const job = kind === 'form' ? syncFromForm(seq, gen) : syncFromToml(seq, gen);
  sync.inflight = job;
  await job;
  if (sync.inflight === job) sync.inflight = null;
  updateDirty();
}

/** Runs a pending sync now and waits for the one under way. */
async function flushSync() {
  if (sync.timer) await runSync();
  while (sync.inflight) await sync.inflight;
}

const isStale = (seq, gen) => seq !== sync.seq || gen !== state.gen;

async function syncFromForm(seq, gen) {
  const rev = state.dataRev;
  try {
    const res = await api('POST', '/api/sync', { base: state.toml, data: state.data });
    if (isStale(seq, gen)) return;
    if (state.syncError) clearFailure('save');
    state.syncError = null;
    state.toml = res.toml;
    if (rev === state.dataRev && isObject(res.data)) state.data = res.data;
    setTomlText(res.toml);
    schedulePreview(0);
  } catch (e) {
    if (isStale(seq, gen)) return;
    state.syncError = e.message;
    showFailure('save', `表单内容未能写成 TOML：${e.message}`, e.next || '请撤销最近的修改，或在“TOML”页直接修改。');
    if (e.diagnostics) setDiagnostics(e.diagnostics);
  }
}

async function syncFromToml(seq, gen) {
  try {
    const res = await api('POST', '/api/sync', { toml: state.toml });
    if (isStale(seq, gen)) return;
    if (state.syncError) clearFailure('save');
    state.syncError = null;
    state.tomlBroken = !isObject(res.data);
    if (!state.tomlBroken) state.data = res.data;
    renderForm();
    setDiagnostics(res.diagnostics);
    schedulePreview(0);
  } catch (e) {
    if (isStale(seq, gen)) return;
    state.syncError = e.message;
    showFailure('save', `TOML 未能读取：${e.message}`, e.next || '请按标出的行改正 TOML。');
    if (e.diagnostics) setDiagnostics(e.diagnostics);
  }
}

/** Puts text into the TOML tab, unless the user is typing there. */
function setTomlText(text, force = false) {
  const ta = $('#toml-editor');
  if (!force && document.activeElement === ta) return;
  if (ta.value === text) return;
  const top = ta.scrollTop;
  ta.value = text;
  ta.scrollTop = top;
}

function onTomlInput(e) {
  if (!state.name) return;
  state.toml = e.target.value;
  queueSync('toml');
}

async function showTab(name) {
  if (name === ui.tab) return;
  ui.tab = name;
  const isForm = name === 'form';
  for (const [tab, panel, on] of [['#tab-form', '#panel-form', isForm], ['#tab-toml', '#panel-toml', !isForm]]) {
    $(tab).setAttribute('aria-selected', String(on));
    $(tab).tabIndex = on ? 0 : -1;
    $(panel).hidden = !on;
  }
  renderFindingsList();
  const ta = $('#toml-editor');
  ta.readOnly = true; // until both sides agree
  await flushSync();
  ta.readOnly = false;
  if (isForm) autosizeAll($('#form'));
  else setTomlText(state.toml, true);
}

/** Arrow keys move between the two tabs. */
function onTabKey(e) {
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
  const next = ui.tab === 'form' ? 'toml' : 'form';
  showTab(next);
  $(`#tab-${next}`).focus();
}

// ------------------------------------------------------------------------------------- preview

function schedulePreview(delay) {
  clearTimeout(preview.timer);
  preview.timer = setTimeout(runPreview, delay);
}

async function runPreview() {
  if (!state.name || sync.timer || sync.inflight) return; // the sync will ask again
  const seq = ++preview.seq;
  const gen = state.gen;
  $('#preview-info').classList.add('busy');
  let res;
  try {
    const body = { name: state.name, toml: state.toml };
    const year = yearValue();
    if (year) body.year = Number(year);
    res = await api('POST', '/api/preview', body);
  } catch (e) {
    if (seq !== preview.seq || gen !== state.gen) return;
    res = { pages: [], diagnostics: e.diagnostics, ms: null, error: e.diagnostics ? null : e.message };
  }
  if (seq !== preview.seq || gen !== state.gen) return;
  $('#preview-info').classList.remove('busy');
  if (Array.isArray(res.diagnostics)) setDiagnostics(res.diagnostics);
  renderPreview(res);
}

/** Replaces the pages; when there are none (errors) the last pages stay, dimmed. */
function renderPreview(res) {
  const box = $('#preview');
  const pages = Array.isArray(res.pages) ? res.pages : [];
  if (state.role === 'profile') {
    box.replaceChildren(profileNote());
    $('#preview-info').textContent = '机关资料 · 无版面预览';
  } else if (pages.length) {
    box.replaceChildren(...pages.map((p, i) => pageElement(p.svg, i)));
    $('#preview-info').textContent = `${pages.length} 页 · ${res.ms ?? '—'} ms`;
  } else {
    showStalePreview(box, res);
  }
  box.dataset.pages = String(pages.length);
  document.body.dataset.previewSeq = String(++ui.previewCount);
}

function showStalePreview(box, res) {
  box.querySelectorAll('.preview-banner, .empty').forEach((el) => el.remove());
  box.querySelectorAll('.page').forEach((el) => { el.className = 'page-stale'; });
  const errors = state.diagnostics.filter((d) => severityOf(d) === 'error').length;
  const why = res.error || (errors ? `文稿有 ${errors} 个错误，改正后更新预览。` : '没有可显示的页面。');
  box.prepend(h('div', { class: 'preview-banner', role: 'note' }, why));
  $('#preview-info').textContent = res.error ? '预览失败' : errors ? '有错误 · 预览未更新' : '0 页';
}

function profileNote() {
  return h('div', { class: 'profile-note' },
    h('p', {}, '机关资料不生成版面。'),
    h('p', {}, '在左侧“派生下级文稿”中选择上级来文和本机关资料，生成草稿后即可预览。'),
    state.diagnostics.length
      ? h('div', { class: 'note-findings' }, state.diagnostics.map(findingElement))
      : h('p', { class: 'ok' }, '没有发现问题。'));
}

/** One sheet; ids inside the SVG get a page prefix so that pages do not share them. */
function pageElement(svg, i) {
  const page = h('div', { class: 'page', 'aria-label': `第 ${i + 1} 页` });
  page.innerHTML = scopeSvgIds(String(svg || ''), `p${i}-`);
  const el = page.querySelector('svg');
  if (el && !el.getAttribute('viewBox')) {
    const w = parseFloat(el.getAttribute('width'));
    const ht = parseFloat(el.getAttribute('height'));
    if (w && ht) el.setAttribute('viewBox', `0 0 ${w} ${ht}`);
  }
  return page;
}

function scopeSvgIds(svg, prefix) {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`)
    .replace(/(href=")#([^"]+)"/g, `$1#${prefix}$2"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`);
}

function clearPreview(message) {
  const box = $('#preview');
  box.replaceChildren(h('p', { class: 'empty' }, message));
  box.dataset.pages = '0';
  $('#preview-info').textContent = '';
}

// ------------------------------------------------------------------------------- dirty & save

// An edit the server could not take (a form edit while the server is gone) is unsaved too:
// the badge shows and closing the tab warns.
const isDirty = () =>
  Boolean(state.name)
  && Boolean(sync.timer || sync.inflight || state.syncError || state.toml !== state.savedToml);

function updateDirty() {
  const dirty = isDirty();
  $('#dirty').hidden = !dirty;
  $('#save').disabled = !state.name;
  document.title = `${dirty ? '● ' : ''}${state.name ? `${state.name} – ` : ''}公文写作`;
}

/** Saves the open file (once at a time); true when saved. */
function save() {
  if (!state.name) return Promise.resolve(false);
  if (!state.saving) state.saving = doSave().finally(() => { state.saving = null; });
  return state.saving;
}

async function doSave() {
  await flushSync();
  if (state.syncError) {
    showFailure('save', `未保存：${state.syncError}`, '', KEPT);
    return false;
  }
  // A TOML text that does not parse is saved over the file only when the clerk says so.
  if (state.tomlBroken && !confirm(`“${state.name}”的 TOML 有语法错误。保存会用它覆盖原来有效的文件，仍然保存吗？`)) {
    showFailure('save', '未保存：TOML 有语法错误。', '在“TOML”页按标出的行改正后再保存。', KEPT);
    return false;
  }
  const { name, toml, gen, version } = state;
  setStatus(`正在保存 ${name}…`);
  try {
    // The version this text was edited from: the server refuses the save (412) when the file
    // changed meanwhile (another tab, another editor), instead of overwriting it.
    const res = await api('POST', '/api/save', { name, toml, version: version || undefined });
    if (gen !== state.gen) return true;
    state.savedToml = toml;
    if (typeof res.version === 'string') state.version = res.version;
    document.body.dataset.saved = `${name}:${++ui.saveCount}`;
    if (Array.isArray(res.diagnostics)) setDiagnostics(res.diagnostics);
    setStatus(`已保存 ${name}`, 'ok');
    clearFailure('save');
    updateDirty();
    refreshWorkspace();
    return true;
  } catch (e) {
    if (e.status === 412 && gen === state.gen) return resolveConflict(name, toml, e.body || {});
    showFailure('save', `保存失败：${e.message}`, e.next, KEPT);
    if (e.diagnostics) setDiagnostics(e.diagnostics);
    return false;
  }
}

/**
 * The file changed elsewhere since this tab opened it: the clerk chooses. Keep mine as a copy
 * (the file keeps the other version), overwrite it with mine, or drop mine and load the file.
 * Nothing is lost without a choice.
 */
async function resolveConflict(name, mine, theirs) {
  setStatus(`“${name}”已在别处修改过，未覆盖`, 'error');
  const copy = confirm(
    `“${name}”已在别处（另一个标签页或编辑器）修改过，您的修改没有保存。\n\n`
      + '按“确定”：把您的修改另存为一个副本（原文件保持别处的修改）。\n按“取消”：看其他选择。',
  );
  if (copy) {
    const base = name.replace(/\.toml$/, '');
    const taken = new Set(state.files.map((f) => f.name));
    let n = 1;
    let target = `${base}-副本.toml`;
    while (taken.has(target)) target = `${base}-副本${++n}.toml`;
    try {
      await api('POST', '/api/save', { name: target, toml: mine });
    } catch (e) {
      showFailure('save', `另存副本失败：${e.message}`, e.next, KEPT);
      return false;
    }
    state.savedToml = state.toml; // Kept in the copy: the original is not saved over.
    await refreshWorkspace();
    await openFile(target);
    setStatus(`您的修改已另存为 ${target}`, 'ok');
    return true;
  }
  const overwrite = confirm(
    '按“确定”：用您的修改覆盖别处的修改。\n按“取消”：放弃您的修改，载入文件现在的内容。',
  );
  if (overwrite) {
    state.version = typeof theirs.version === 'string' ? theirs.version : null;
    return doSave();
  }
  state.savedToml = state.toml;
  await openFile(name);
  setStatus(`已载入 ${name} 现在的内容`, 'ok');
  return false;
}

// ----------------------------------------------------------------------------- workspace files

async function refreshWorkspace() {
  try {
    const ws = await api('GET', '/api/workspace');
    state.root = ws.root || '';
    state.files = Array.isArray(ws.files) ? ws.files : [];
    state.kinds = Array.isArray(ws.kinds) ? ws.kinds : [];
    state.deriveAs = Array.isArray(ws.derive_as) ? ws.derive_as : [];
  } catch (e) {
    showFailure('open', `无法读取工作区：${e.message}`, e.next);
    return;
  }
  // Marked left to right: the box is right to left only to cut a long path at its start.
  $('#root').textContent = `\u200e${state.root}\u200e`;
  $('#root').title = state.root;
  renderFileList();
  renderSelects();
}

const kindLabel = (id) => (state.kinds.find((k) => k.id === id) || {}).label || '';

function renderFileList() {
  const filter = $('#file-filter').value.trim().toLowerCase();
  const matches = (f) => !filter || `${f.name} ${f.title || ''}`.toLowerCase().includes(filter);
  const blocks = ROLE_GROUPS.map(([role, label]) => {
    const files = state.files.filter((f) => f.role === role && matches(f))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    return h('div', { class: 'file-group' },
      h('h3', {}, label, h('span', { class: 'count' }, String(files.length))),
      files.length ? h('ul', {}, files.map(fileItem)) : h('p', { class: 'none' }, '（无）'));
  });
  $('#file-list').replaceChildren(...blocks);
}

function fileItem(f) {
  const modified = f.modified ? new Date(f.modified * 1000).toLocaleString('zh-CN') : '';
  const open = h('button', {
    type: 'button',
    class: 'file',
    'data-name': f.name,
    'data-role': f.role,
    'aria-current': f.name === state.name ? 'true' : null,
    title: `${f.name}${modified ? `\n修改于 ${modified}` : ''}`,
    onclick: () => onFileClick(f),
  },
  h('span', { class: 'file-title' }, f.title || f.name),
  h('span', { class: 'file-meta' }, [f.title ? f.name : null, kindLabel(f.kind)].filter(Boolean).join(' · ')));
  const importButton = f.role === 'received'
    ? h('button', { type: 'button', class: 'btn small', 'data-import': f.name, onclick: () => importFrom(f.name) }, '导入')
    : null;
  return h('li', {}, open, importButton);
}

function onFileClick(f) {
  if (f.role === 'received') setStatus(`“${f.name}”是收到的来文，点“导入”生成可编辑的公文规格。`);
  else openFile(f.name);
}

/** Fills a select, keeping its choice when it is still there. */
function fillSelect(sel, options, preferred) {
  const keep = preferred ?? sel.value;
  sel.replaceChildren(...options.map((o) => h('option', { value: o.value }, o.label)));
  if (options.some((o) => o.value === keep)) sel.value = keep;
}

function renderSelects() {
  fillSelect($('#new-kind'), state.kinds.map((k) => opt(k.id, k.label)));
  const named = (role) => state.files.filter((f) => f.role === role)
    .map((f) => opt(f.name, f.title ? `${f.title}（${f.name}）` : f.name));
  const specs = named('spec');
  const profiles = named('profile');
  fillSelect($('#derive-upstream'), specs.length ? specs : [opt('', '（没有公文规格）')]);
  fillSelect($('#derive-office'), profiles.length ? profiles : [opt('', '（没有机关资料）')]);
  fillSelect($('#derive-as'), state.deriveAs.map((k) => opt(k.id, k.label)));
}

/** Opens a file; unsaved changes to the file open now are saved first. */
async function openFile(name) {
  if (state.name && isDirty()) {
    const saved = await save();
    if (!saved && !confirm(`“${state.name}”未能保存。放弃修改并打开“${name}”吗？`)) return false;
  }
  let res;
  try {
    res = await api('GET', `/api/file?${q({ name })}`);
  } catch (e) {
    showFailure('open', `无法打开 ${name}：${e.message}`, e.next);
    return false;
  }
  clearFailure('open');
  loadFile(res);
  return true;
}

function loadFile(res) {
  clearTimeout(sync.timer);
  clearTimeout(preview.timer);
  Object.assign(sync, { timer: null, inflight: null, kind: null });
  Object.assign(state, {
    name: res.name,
    role: res.role === 'profile' ? 'profile' : 'spec',
    toml: res.toml || '',
    savedToml: res.toml || '',
    version: typeof res.version === 'string' ? res.version : null,
    data: isObject(res.data) ? res.data : null,
    diagnostics: [],
    tomlBroken: false,
    syncError: null,
    gen: state.gen + 1,
  });
  setTomlText(state.toml, true);
  $('#notice').hidden = true;
  $('#doc-name').textContent = state.name;
  $('#doc-name').title = state.root ? `${state.root}/${state.name}` : state.name;
  renderForm();
  setDiagnostics(res.diagnostics);
  if (!state.data) showTab('toml');
  clearPreview('正在生成预览…');
  updateToolbar();
  selectInDerive();
  renderFileList();
  updateDirty();
  history.replaceState(null, '', `#${encodeURIComponent(state.name)}`);
  setStatus(`已打开 ${state.name}`);
  document.body.dataset.open = state.name;
  runPreview();
}

/** The open file becomes the derive panel's upstream or office. */
function selectInDerive() {
  const sel = state.role === 'profile' ? $('#derive-office') : $('#derive-upstream');
  if ([...sel.options].some((o) => o.value === state.name)) sel.value = state.name;
}

async function createFile() {
  const kind = $('#new-kind').value;
  const name = $('#new-name').value.trim();
  if (!name) {
    showFailure('new', '请填写新文件的文件名。');
    $('#new-name').focus();
    return;
  }
  try {
    const res = await api('POST', '/api/new', { kind, name });
    $('#new-name').value = '';
    await refreshWorkspace();
    clearFailure('new');
    if (await openFile(res.name)) setStatus(`已新建 ${res.name}`, 'ok');
  } catch (e) {
    showFailure('new', `新建失败：${e.message}`, e.next);
  }
}

// ------------------------------------------------------------------------------ import, derive

/** Uploads a received file and opens the spec made from it. */
async function importUpload(file) {
  if (file.size > MAX_IMPORT) {
    showFailure('import', `文件太大（${(file.size / 1048576).toFixed(1)} MiB），导入上限为 32 MiB。`,
      '请在 WPS 或 Word 中压缩其中的图片、另存后再导入。');
    return;
  }
  setStatus(`正在导入 ${file.name}…`);
  const body = await file.arrayBuffer();
  await runImport({ name: file.name }, body, file.name);
}

function importFrom(name) {
  setStatus(`正在导入 ${name}…`);
  return runImport({ from: name }, undefined, name);
}

/** POST /api/import, asking before overwriting an existing spec. */
async function runImport(params, body, label) {
  if (isDirty() && !(await save())) return;
  const call = (force) => api('POST', `/api/import?${q(force ? { ...params, force: '1' } : params)}`, body, { raw: body !== undefined });
  let res;
  try {
    res = await call(false);
  } catch (e) {
    if (e.status !== 409 || !confirm(`${e.message}。\n要覆盖它吗？原来的文件会保留为 .bak。`)) {
      showFailure('import', `导入失败：${e.message}`, e.status === 409 ? '' : e.next);
      return;
    }
    try {
      res = await call(true);
    } catch (e2) {
      showFailure('import', `导入失败：${e2.message}`, e2.next);
      return;
    }
  }
  clearFailure('import');
  await refreshWorkspace();
  await openFile(res.name);
  showNotice(`已从“${label}”导入 ${res.name}`, String(res.report || '').split('\n'));
  setStatus(`已导入 ${res.name}`, 'ok');
}

async function runDerive() {
  const upstream = $('#derive-upstream').value;
  const office = $('#derive-office').value;
  const as = $('#derive-as').value;
  if (!upstream || !office) {
    showFailure('derive', '请先选择上级来文和本机关资料。',
      '没有可选的文件时，先用“导入来文”读入上级的通知，再用“新建”中的“本机关资料”写好本机关的资料。');
    return;
  }
  if (isDirty() && !(await save())) return; // the derive reads (and may overwrite) files on disk
  const call = (force) => api('POST', '/api/derive', { upstream, office, as, force });
  const force = $('#derive-force').checked;
  setStatus('正在派生…');
  let res;
  try {
    res = await call(force);
  } catch (e) {
    if (e.status !== 409 || force || !confirm(`${e.message}。\n要覆盖已有的草稿吗？原稿会保留为 .bak。`)) {
      showFailure('derive', `派生失败：${e.message}`, e.status === 409 ? '勾选“覆盖已有草稿”，或先改名已有的草稿。' : e.next);
      return;
    }
    try {
      res = await call(true);
    } catch (e2) {
      showFailure('derive', `派生失败：${e2.message}`, e2.next);
      return;
    }
  }
  clearFailure('derive');
  await refreshWorkspace();
  await openFile(res.name);
  showNotice(`已派生草稿 ${res.name}`, res.lines || []);
  setStatus(`已派生草稿 ${res.name}`, 'ok');
}

/** The box above the editor for what derive or import reports; 待填写 lines stand out. */
function showNotice(title, items) {
  const box = $('#notice');
  const list = items.map((s) => String(s)).filter((s) => s.trim());
  box.replaceChildren(
    h('div', { class: 'notice-head' },
      h('strong', {}, title),
      h('button', { type: 'button', class: 'tool', 'aria-label': '关闭', title: '关闭', onclick: () => { box.hidden = true; } }, '✕')),
    list.length
      ? h('ul', {}, list.map((s) => h('li', { class: s.includes('待填写') ? 'todo' : null }, s)))
      : null);
  box.hidden = false;
}

// ---------------------------------------------------------------------------- downloads, print

const canOutput = () => Boolean(state.name) && state.role === 'spec';

/** The 按年份 field: '' when empty, the year when valid, null when it is no year (2 digits…). */
function yearValue() {
  const v = $('#year').value.trim();
  if (!v) return '';
  const ok = /^\d{4}$/.test(v) && Number(v) >= 1949 && Number(v) <= 2200;
  return ok ? v : null;
}

const YEAR_HINT = '年份应为四位数字（1949–2200），如 2027；不按年份时留空。';

/** Said with every failed save: nothing typed is lost. */
const KEPT = '您的修改仍在本页，没有丢失，不要关闭页面。';

function downloadUrl(format, inline = false, annexes = false) {
  const params = { name: state.name, format };
  const year = yearValue();
  if (year) params.year = year;
  if (inline) params.inline = '1';
  if (annexes) params.annexes = '1';
  return `/api/download?${q(params)}`;
}

/** One 下载 button per output format of the server's registry. */
function renderDownloads() {
  const box = $('#download-formats');
  box.replaceChildren();
  for (const f of state.formats) {
    const a = h('a', { id: `download-${f.id}`, class: 'btn', href: '#', 'aria-disabled': 'true' }, `下载 ${f.label}`);
    a.addEventListener('click', (e) => onDownload(e, f.id));
    box.append(a);
  }
  updateToolbar();
}

function updateToolbar() {
  const on = canOutput();
  for (const { id } of state.formats) {
    const a = $(`#download-${id}`);
    a.href = on ? downloadUrl(id) : '#';
    a.setAttribute('aria-disabled', String(!on));
  }
  const annexes = $('#download-annexes');
  annexes.href = on ? downloadUrl('docx', false, true) : '#';
  annexes.setAttribute('aria-disabled', String(!on));
  $('#print').disabled = !on;
  $('#year').disabled = !on;
  $('#year').setAttribute('aria-invalid', String(yearValue() === null));
}

/** The year changed: the toolbar and the preview follow it (an invalid year is said). */
function onYear() {
  updateToolbar();
  if (yearValue() === null) {
    showFailure('output', '“按年份”中的年份无效。', YEAR_HINT);
    return;
  }
  clearFailure('output');
  schedulePreview(300);
}

/** Saves first when needed, then fetches the file, so an error shows in the status bar. */
async function onDownload(e, format, annexes = false) {
  if (!canOutput()) { e.preventDefault(); return; }
  if (yearValue() === null) { e.preventDefault(); showFailure('output', '“按年份”中的年份无效。', YEAR_HINT); return; }
  if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return; // browser's own
  e.preventDefault();
  if (isDirty() && !(await save())) return;
  setStatus(annexes ? '正在生成附件表格…' : `正在生成 ${format.toUpperCase()}…`);
  const res = await fetchOutput(downloadUrl(format, false, annexes));
  if (!res) return;
  const fileName = attachmentName(res.headers.get('Content-Disposition'))
    || `${state.name.replace(/\.toml$/, '').split('/').pop()}.${annexes ? 'zip' : format}`;
  clearFailure('output');
  saveBlob(await res.blob(), fileName);
  setStatus(`已下载 ${fileName}`, 'ok');
}

/** Fetches a made file; a failure is said beside the toolbar (null then). */
async function fetchOutput(url) {
  let res;
  try {
    res = await fetch(url);
  } catch {
    showFailure('output', '无法连接到 gongwen 服务。', RECONNECT);
    return null;
  }
  if (!res.ok) {
    const json = await res.json().catch(() => null);
    showFailure('output', `无法生成：${json?.error || `HTTP ${res.status}`}`, json?.next || '');
    if (json?.diagnostics?.length) {
      $('#output-error').dataset.cause = 'errors';
      setDiagnostics(json.diagnostics);
    }
    return null;
  }
  return res;
}

function attachmentName(header) {
  if (!header) return '';
  const star = header.match(/filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i);
  if (star) {
    try { return decodeURIComponent(star[1].trim().replace(/^"|"$/g, '')); } catch { /* fall through */ }
  }
  const plain = header.match(/filename\s*=\s*"?([^";]+)"?/i);
  return plain ? plain[1] : '';
}

function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Opens the PDF inline in a new tab for printing (the tab is opened at once, before saving). */
/**
 * Opens the PDF in a tab of its own, to print at actual size. The tab is opened at once (a
 * browser allows it only during the click) and shown the PDF once it is made; when it cannot
 * be made the tab closes and the reason is said beside the toolbar, not in the new tab.
 */
async function onPrint() {
  if (!canOutput()) return;
  if (yearValue() === null) { showFailure('output', '“按年份”中的年份无效。', YEAR_HINT); return; }
  const tab = window.open('about:blank', '_blank');
  if (isDirty() && !(await save())) { tab?.close(); return; }
  setStatus('正在生成 PDF…');
  const res = await fetchOutput(downloadUrl('pdf', true));
  if (!res) { tab?.close(); return; }
  clearFailure('output');
  const url = URL.createObjectURL(await res.blob());
  if (tab) tab.location.href = url;
  else window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  setStatus('已在新标签页打开 PDF，请在其中打印（按实际大小）。', 'ok');
}

// --------------------------------------------------------------------------------------- events

function bindEvents() {
  $('#save').addEventListener('click', () => save());
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      save();
    }
  });
  window.addEventListener('beforeunload', (e) => {
    if (isDirty()) { e.preventDefault(); e.returnValue = ''; }
  });

  $('#tab-form').addEventListener('click', () => showTab('form'));
  $('#tab-toml').addEventListener('click', () => showTab('toml'));
  $('#tab-form').addEventListener('keydown', onTabKey);
  $('#tab-toml').addEventListener('keydown', onTabKey);
  $('#toml-editor').addEventListener('input', onTomlInput);

  $('#file-filter').addEventListener('input', renderFileList);
  $('#new-create').addEventListener('click', createFile);
  $('#new-name').addEventListener('keydown', (e) => { if (e.key === 'Enter') createFile(); });
  $('#import-choose').addEventListener('click', () => $('#import-file').click());
  $('#import-file').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (file) await importUpload(file);
    e.target.value = '';
  });
  $('#derive-run').addEventListener('click', runDerive);

  $('#print').addEventListener('click', onPrint);
  $('#download-annexes').addEventListener('click', (e) => onDownload(e, 'docx', true));
  $('#year').addEventListener('input', onYear);
}

async function init() {
  bindEvents();
  updateToolbar();
  updateDirty();
  await Promise.all([refreshWorkspace(), loadSchema()]);
  if (forms.error) renderForm();
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && state.files.some((f) => f.name === wanted && f.role !== 'received')) await openFile(wanted);
}

init();
