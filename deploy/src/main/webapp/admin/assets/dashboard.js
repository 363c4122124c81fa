/*
 * The administrators' dashboard: one page, hash routes (#/overview, #/statements, ...). Everything shown comes
 * from the admin API with the browser session; the API decides what the caller may see (a trust-admin's lists
 * hold only their trust). Data is only ever put into the page as text (textContent, DOM nodes), never as HTML.
 */
(function () {
  'use strict';

  const SIGN_IN = '/signin/password?return=' + encodeURIComponent('/admin/');
  const state = { session: null, timers: [] };
  const view = document.getElementById('view');
  const statusLine = document.getElementById('status');

  // ---- DOM helpers -------------------------------------------------------------------------------------------

  /** An element: props are set as properties (text, className, ...), 'aria-*'/'data-*'/'for' as attributes. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) {
        continue;
      }
      if (key === 'text') {
        node.textContent = String(value);
      } else if (key.startsWith('aria-') || key.startsWith('data-') || key === 'for' || key === 'role') {
        node.setAttribute(key, String(value));
      } else if (key.startsWith('on')) {
        node.addEventListener(key.substring(2), value);
      } else {
        node[key] = value;
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  function field(label, input) {
    input.id = input.id || 'f-' + label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return el('div', {}, el('label', { for: input.id, text: label }), input);
  }

  function say(message, isError) {
    statusLine.textContent = message || '';
    statusLine.className = 'status' + (isError ? ' error' : '');
  }

  function cellText(value) {
    if (value === null || value === undefined) {
      return '';
    }
    if (typeof value === 'object') {
      return JSON.stringify(value);
    }
    return String(value);
  }

  /**
   * A table of rows: columns are [label, key or function(row), options]. Numbers are right-aligned.
   */
  function table(id, caption, columns, rows) {
    const head = el('tr', {}, columns.map(c => el('th', { scope: 'col', className: c[2] && c[2].num ? 'num' : '', text: c[0] })));
    const body = el('tbody', {}, rows.map(row => el('tr', {}, columns.map(c => {
      const value = typeof c[1] === 'function' ? c[1](row) : row[c[1]];
      const td = el('td', { className: c[2] && c[2].num ? 'num' : '' });
      if (value instanceof Node) {
        td.append(value);
      } else {
        td.textContent = cellText(value);
      }
      return td;
    }))));
    const t = el('table', { id: id }, el('caption', { text: caption }), el('thead', {}, head), body);
    if (rows.length === 0) {
      body.append(el('tr', { className: 'empty' }, el('td', { colSpan: columns.length, text: 'Nothing to show.' })));
    }
    return el('div', { className: 'table-wrap' }, t);
  }

  function number(value, digits) {
    if (value === null || value === undefined) {
      return '';
    }
    return digits === undefined ? String(value) : Number(value).toFixed(digits);
  }

  function percent(value) {
    return value === null || value === undefined ? '' : Math.round(value * 1000) / 10 + '%';
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== null && String(v).trim() !== '') {
        q.set(k, String(v).trim());
      }
    }
    const s = q.toString();
    return s ? '?' + s : '';
  }

  // ---- API ---------------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message, fieldName) {
      super(message);
      this.status = status;
      this.field = fieldName;
    }
  }

  async function request(method, path, body, contentType) {
    // X-Requested-With: a 401 then comes without the Basic challenge, which would open the browser's password dialog.
    const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (method !== 'GET') {
      headers['Content-Type'] = contentType || 'application/json';
      if (state.session) {
        headers['X-CSRF-Token'] = state.session.csrfToken;
      }
    }
    const response = await fetch(path, { method: method, headers: headers, body: body, credentials: 'same-origin',
      cache: 'no-store' });
    if (response.status === 401 && state.session) {
      window.location.assign('/signin/password?error=ended&return=' + encodeURIComponent('/admin/' + location.hash));
      throw new ApiError(401, 'Your session has ended.');
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) {
      const message = json && json.error ? json.error : 'the Hub answered ' + response.status;
      throw new ApiError(response.status, message, json && json.field);
    }
    return json;
  }

  const api = {
    get: path => request('GET', path),
    post: (path, data) => request('POST', path, data === undefined ? '' : JSON.stringify(data)),
    del: path => request('DELETE', path),
  };

  /**
   * A reader of one list that can be reloaded: only the answer to the newest request counts. An older, slower
   * answer (the unfiltered first load, a double click) comes back as null, so it cannot overwrite what the
   * administrator asked for after it.
   */
  function newestOnly() {
    let latest = 0;
    return path => {
      const ticket = ++latest;
      return api.get(path).then(answer => ticket === latest ? answer : null, error => {
        if (ticket === latest) {
          throw error;
        }
        return null;
      });
    };
  }

  function failed(error) {
    say((error.field ? error.field + ': ' : '') + error.message, true);
  }

  // ---- Shared controls ---------------------------------------------------------------------------------------

  let trustsCache = null;

  async function trusts() {
    if (!trustsCache) {
      trustsCache = await api.get('/admin/api/trusts');
    }
    return trustsCache;
  }

  /** A trust picker; a trust-admin's list holds their own trust only (it is all the API returns to them). */
  async function trustSelect(id, allowAll) {
    const select = el('select', { id: id, name: 'trust' });
    const list = await trusts();
    if (allowAll && list.length !== 1) {
      select.append(el('option', { value: '', text: 'All trusts' }));
    }
    for (const t of list) {
      select.append(el('option', { value: t.code, text: t.code + ' – ' + t.name }));
    }
    return select;
  }

  async function resourceSelect(id) {
    const select = el('select', { id: id, name: 'resource' }, el('option', { value: '', text: 'All resources' }));
    const page = await api.get('/admin/api/resources?size=100');
    for (const r of page.items || []) {
      select.append(el('option', { value: r.id, text: r.title || r.id }));
    }
    return select;
  }

  function csvLink(id, path, label) {
    return el('a', { id: id, className: 'button secondary', href: path, download: '', text: label || 'Download CSV' });
  }

  // ---- Screens -----------------------------------------------------------------------------------------------

  function lineChart(container, title, days, series) {
    const width = Math.max(280, Math.min(container.clientWidth - 24, 1100));
    const x = days.map(d => Date.parse(d + 'T00:00:00Z') / 1000);
    const colours = ['#005eb8', '#d5281b', '#007f3b'];
    const opts = {
      title: title,
      width: width,
      height: 260,
      scales: { x: { time: true } },
      series: [{}].concat(series.map((s, i) => ({ label: s.label, stroke: colours[i % colours.length], width: 2,
        points: { show: days.length < 40 } }))),
      axes: [{}, { label: 'count' }],
    };
    const target = el('div', { className: 'chart', role: 'img', 'aria-label': title + ': ' + series.map(s =>
      s.label + ' total ' + s.values.reduce((a, b) => a + b, 0)).join(', ') });
    container.append(target);
    if (typeof window.uPlot !== 'function') {
      target.append(el('p', { className: 'error', text: 'The charting library did not load.' }));
      return;
    }
    // uPlot draws on a canvas and reads nothing as HTML.
    new window.uPlot(opts, [x].concat(series.map(s => s.values)), target);
  }

  async function overview() {
    view.append(el('h1', { text: 'Overview' }), el('p', { text: 'The last 30 days, up to today (UTC).' }));
    const activity = await api.get('/admin/api/reports/activity?period=day');
    const days = activity.series.map(p => p.periodStart);
    const chartBox = el('section', { id: 'activity-chart', 'aria-labelledby': 'h-activity' },
      el('h2', { id: 'h-activity', text: 'Launches and completions' }));
    view.append(chartBox);
    lineChart(chartBox, 'Launches and completions per day', days, [
      { label: 'Launches', values: activity.series.map(p => p.launches) },
      { label: 'Completions', values: activity.series.map(p => p.completions) },
    ]);
    const [top, perTrust] = await Promise.all([
      api.get('/admin/api/reports/resources?limit=10'),
      api.get('/admin/api/reports/trusts'),
    ]);
    view.append(el('h2', { text: 'Top resources' }), table('top-resources', 'Resources by launches', [
      ['Resource', r => r.title || r.resource],
      ['Launches', 'launches', { num: true }],
      ['Completions', 'completions', { num: true }],
      ['Pass rate', r => percent(r.passRate), { num: true }],
      ['Learners', 'activeLearners', { num: true }],
    ], top.resources));
    view.append(el('h2', { text: 'Per trust' }), table('trusts-report', 'Activity per trust', [
      ['Trust', 'trust'],
      ['Name', 'name'],
      ['Launches', 'launches', { num: true }],
      ['Completions', 'completions', { num: true }],
      ['Passes', 'passes', { num: true }],
      ['Fails', 'fails', { num: true }],
      ['Learners', 'activeLearners', { num: true }],
      ['Median time to complete (s)', r => number(r.medianSecondsToComplete, 0), { num: true }],
    ], perTrust.trusts));
  }

  async function compliance() {
    view.append(el('h1', { text: 'Compliance' }),
      el('p', { text: 'Learners who launched a resource, and who completed it by the due date.' }));
    const trust = await trustSelect('c-trust', false);
    const resource = await resourceSelect('c-resource');
    const dueBy = el('input', { id: 'c-due', type: 'date', required: true,
      value: new Date().toISOString().substring(0, 10) });
    const results = el('div', { id: 'compliance-results' });
    const read = newestOnly();
    const form = el('form', { className: 'filters card', id: 'compliance-form' },
      field('Trust', trust), field('Resource', resource), field('Due by', dueBy),
      el('div', {}, el('button', { type: 'submit', text: 'Show' })));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const q = { trust: trust.value, resource: resource.value, dueBy: dueBy.value };
      try {
        const report = await read('/admin/api/reports/compliance' + query(q));
        if (!report) {
          return;
        }
        results.replaceChildren(table('compliance-table', 'Compliance of ' + trust.value + ' due by ' + dueBy.value, [
          ['Resource', r => r.title || r.resource],
          ['Enrolled', 'enrolled', { num: true }],
          ['Completed', 'completed', { num: true }],
          ['Completed by due date', 'completedByDue', { num: true }],
          ['Not completed', 'notCompleted', { num: true }],
          ['Overdue', 'overdue', { num: true }],
        ], report.resources), el('div', { className: 'actions' },
          csvLink('compliance-csv', '/admin/api/reports/compliance' + query(Object.assign({ format: 'csv' }, q)))));
        say('');
      } catch (e) {
        failed(e);
      }
    });
    view.append(form, results);
  }

  const VERBS = ['launched', 'initialized', 'completed', 'passed', 'failed', 'terminated', 'progressed', 'voided'];

  async function statements() {
    view.append(el('h1', { text: 'Statements' }),
      el('p', { text: 'xAPI statements recorded by the Hub, newest first. All filters are optional.' }));
    const trust = await trustSelect('s-trust', true);
    const resource = await resourceSelect('s-resource');
    const learner = el('input', { id: 's-learner', type: 'text', maxLength: 200, autocomplete: 'off' });
    const verb = el('input', { id: 's-verb', type: 'text', maxLength: 500, autocomplete: 'off',
      placeholder: 'e.g. http://adlnet.gov/expapi/verbs/completed' });
    verb.setAttribute('list', 's-verbs');
    const verbs = el('datalist', { id: 's-verbs' }, VERBS.map(v => el('option', { value: 'http://adlnet.gov/expapi/verbs/' + v })));
    const registration = el('input', { id: 's-registration', type: 'text', maxLength: 36, autocomplete: 'off' });
    const since = el('input', { id: 's-since', type: 'datetime-local' });
    const until = el('input', { id: 's-until', type: 'datetime-local' });
    const limit = el('select', { id: 's-limit' }, [10, 25, 50, 100].map(n => el('option', { value: n, text: n, selected: n === 25 })));
    const results = el('div', { id: 'statement-results' });
    const pages = [];
    const read = newestOnly();
    const iso = input => input.value ? new Date(input.value).toISOString() : '';
    const filters = () => ({ trust: trust.value, resource: resource.value, learner: learner.value, verb: verb.value,
      registration: registration.value, since: iso(since), until: iso(until) });

    async function show(url, index) {
      try {
        const page = await read(url);
        if (!page) {
          return;
        }
        pages.length = index;
        pages.push(url);
        const rows = page.statements || [];
        const prev = el('button', { type: 'button', id: 's-prev', className: 'secondary', text: 'Previous page',
          disabled: index === 0, onclick: () => show(pages[index - 1], index - 1) });
        const more = typeof page.more === 'string' && page.more.startsWith('/admin/api/statements') ? page.more : null;
        const next = el('button', { type: 'button', id: 's-next', className: 'secondary', text: 'Next page',
          disabled: !more, onclick: () => show(more, index + 1) });
        results.replaceChildren(table('statements-table', 'Statements, page ' + (index + 1), [
          ['Stored', 'stored'],
          ['Timestamp', 'timestamp'],
          ['Trust', 'trust'],
          ['Learner', 'learner'],
          ['Verb', s => shortVerb(s.verb)],
          ['Object', 'object'],
          ['Registration', s => s.registration ? el('code', { text: s.registration }) : ''],
          ['Result', s => resultText(s.result)],
        ], rows), el('div', { className: 'actions' }, prev, next,
          el('span', { id: 's-count', text: rows.length + ' statement' + (rows.length === 1 ? '' : 's') + ' on this page' }),
          csvLink('statements-csv', '/admin/api/statements' + query(Object.assign(filters(), { format: 'csv' })))));
        say('');
      } catch (e) {
        if (e.status === 404 && index === 0 && !e.field) {
          say('Browsing statements is not available on this Hub yet.', true);
        } else {
          failed(e);
        }
      }
    }

    const form = el('form', { className: 'filters card', id: 'statement-filters', 'aria-label': 'Statement filters' },
      field('Trust', trust), field('Resource', resource), field('Learner', learner), field('Verb', verb), verbs,
      field('Registration', registration), field('Since', since), field('Until', until), field('Per page', limit),
      el('div', {}, el('button', { type: 'submit', id: 's-apply', text: 'Apply filters' })));
    form.addEventListener('submit', event => {
      event.preventDefault();
      show('/admin/api/statements' + query(Object.assign(filters(), { limit: limit.value })), 0);
    });
    view.append(form, results);
    await show('/admin/api/statements' + query({ limit: limit.value }), 0);
  }

  function shortVerb(iri) {
    if (!iri) {
      return '';
    }
    const i = iri.lastIndexOf('/');
    return i >= 0 && i < iri.length - 1 ? iri.substring(i + 1) : iri;
  }

  function resultText(result) {
    if (!result) {
      return '';
    }
    const parts = [];
    if (result.score && result.score.scaled !== undefined) {
      parts.push('score ' + result.score.scaled);
    }
    if (result.success !== undefined) {
      parts.push(result.success ? 'success' : 'no success');
    }
    if (result.completion !== undefined) {
      parts.push(result.completion ? 'complete' : 'incomplete');
    }
    if (result.duration) {
      parts.push(result.duration);
    }
    return parts.length ? parts.join(', ') : JSON.stringify(result);
  }

  async function outbox() {
    view.append(el('h1', { text: 'Passback outbox' }),
      el('p', { text: 'Scores waiting to be sent back to the LMS, newest first.' }));
    const status = el('select', { id: 'o-status' }, ['', 'pending', 'delivered', 'failed', 'skipped'].map(s =>
      el('option', { value: s, text: s || 'Any status' })));
    const trust = await trustSelect('o-trust', true);
    const results = el('div');
    const read = newestOnly();
    async function load(before) {
      try {
        const page = await read('/admin/api/outbox' + query({ status: status.value, trust: trust.value, before: before }));
        if (!page) {
          return;
        }
        results.replaceChildren(table('outbox-table', 'Outbox jobs', [
          ['Job', 'id'], ['Trust', 'trust'], ['Outcome', 'outcome'], ['Status', 'status'],
          ['Attempts', 'attempts', { num: true }], ['Created', 'created'], ['Delivered', 'delivered'],
          ['Last error', 'lastError'], ['Registration', j => el('code', { text: j.registration })],
          ['', job => job.status === 'failed'
            ? el('button', { type: 'button', className: 'secondary', text: 'Retry', onclick: async () => {
              try {
                await api.post('/admin/api/outbox/' + encodeURIComponent(job.id) + '/retry');
                say('Job ' + job.id + ' queued again.');
                load(before);
              } catch (e) {
                failed(e);
              }
            } }) : ''],
        ], page.jobs), el('div', { className: 'actions' }, page.next ? el('button', { type: 'button',
          className: 'secondary', text: 'Older jobs', onclick: () => load(page.next) }) : null));
      } catch (e) {
        failed(e);
      }
    }
    const form = el('form', { className: 'filters card' }, field('Status', status), field('Trust', trust),
      el('div', {}, el('button', { type: 'submit', text: 'Show' })));
    form.addEventListener('submit', event => {
      event.preventDefault();
      load();
    });
    view.append(form, results);
    await load();
  }

  async function rejections() {
    view.append(el('h1', { text: 'Rejection log' }),
      el('p', { text: 'Statements the Hub refused from a launch’s content. Pick a trust, then a launch.' }));
    const trust = await trustSelect('r-trust', false);
    const launches = el('div');
    const log = el('div', { id: 'rejections' });
    const readLaunches = newestOnly();
    const readLog = newestOnly();
    async function loadLaunches() {
      try {
        const page = await readLaunches('/admin/api/launches' + query({ trust: trust.value }));
        if (!page) {
          return;
        }
        launches.replaceChildren(table('launches-table', 'Recent launches', [
          ['Started', 'started'], ['Resource', r => el('code', { text: r.resource })], ['Learner', 'learner'],
          ['Outcome', 'outcome'],
          ['Registration', r => el('code', { text: r.registration })],
          ['', r => el('button', { type: 'button', className: 'secondary', text: 'Rejections',
            onclick: () => loadLog(r.registration) })],
        ], page.launches || []));
      } catch (e) {
        failed(e);
      }
    }
    async function loadLog(registration) {
      try {
        const page = await readLog('/admin/api/launches/' + encodeURIComponent(registration) + '/rejections');
        if (!page) {
          return;
        }
        log.replaceChildren(el('h2', { text: 'Rejections of launch ' + registration }),
          table('rejections-table', 'Rejected statements', [
            ['When', 'at'], ['Status', 'status'], ['Rule', 'rule'], ['Request', r => r.method + ' ' + r.path],
            ['Excerpt', r => el('code', { text: r.excerpt || '' })],
          ], page.rejections || []));
      } catch (e) {
        failed(e);
      }
    }
    const form = el('form', { className: 'filters card' }, field('Trust', trust),
      el('div', {}, el('button', { type: 'submit', text: 'Show launches' })));
    form.addEventListener('submit', event => {
      event.preventDefault();
      loadLaunches();
    });
    view.append(form, launches, log);
    await loadLaunches();
  }

  async function trustsScreen() {
    view.append(el('h1', { text: 'Trusts' }));
    trustsCache = null;
    const list = await trusts();
    view.append(table('trusts-table', 'Trusts', [
      ['Code', 'code'], ['Name', 'name'], ['Status', 'status'], ['Learner identity', 'learnerIdentity'],
      ['Created', 'created'],
    ], list));
    if (state.session.role !== 'hub-admin') {
      return;
    }
    const code = el('input', { id: 't-code', required: true, maxLength: 12, autocomplete: 'off' });
    const name = el('input', { id: 't-name', required: true, maxLength: 200, autocomplete: 'off' });
    const form = el('form', { className: 'inline card', 'aria-label': 'New trust' }, field('Code', code),
      field('Name', name), el('div', {}, el('button', { type: 'submit', text: 'Create trust' })));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await api.post('/admin/api/trusts', { code: code.value.trim(), name: name.value.trim() });
        say('Trust ' + code.value.trim() + ' created.');
        render();
      } catch (e) {
        failed(e);
      }
    });
    view.append(el('h2', { text: 'New trust' }), form);
  }

  async function registrations() {
    view.append(el('h1', { text: 'Registrations' }),
      el('p', { text: 'The LMSs (LTI platforms) registered for a trust, and links to register another.' }));
    const trust = await trustSelect('g-trust', false);
    const list = el('div');
    const link = el('div', { id: 'registration-link' });
    const read = newestOnly();
    async function load() {
      try {
        const platforms = await read('/admin/api/trusts/' + encodeURIComponent(trust.value) + '/platforms');
        if (!platforms) {
          return;
        }
        list.replaceChildren(table('platforms-table', 'Registrations of ' + trust.value, [
          ['Id', 'id', { num: true }], ['Issuer', 'issuer'], ['Client id', 'clientId'],
          ['Deployments', p => (p.deploymentIds || []).join(', ')], ['Status', 'status'],
          ['Tool (what the LMS is configured with)', p => toolBlock(p.tool)],
        ], platforms));
      } catch (e) {
        failed(e);
      }
    }
    const issue = el('button', { type: 'button', id: 'g-link', text: 'Create a registration link', onclick: async () => {
      try {
        const issued = await api.post('/admin/api/trusts/' + encodeURIComponent(trust.value) + '/registration-links');
        const input = el('input', { id: 'g-url', className: 'copyable', readOnly: true, value: issued.url });
        link.replaceChildren(el('div', { className: 'secret' },
          el('p', { text: 'Paste this link into the LMS’s LTI Advantage (dynamic registration) form. It works once, until '
            + issued.expires + '.' }), field('Registration link', input),
          el('div', { className: 'actions' }, el('button', { type: 'button', className: 'secondary', text: 'Copy',
            onclick: () => { input.select(); navigator.clipboard && navigator.clipboard.writeText(input.value); } }))));
      } catch (e) {
        failed(e);
      }
    } });
    const form = el('form', { className: 'filters card' }, field('Trust', trust),
      el('div', {}, el('button', { type: 'submit', className: 'secondary', text: 'Show' })));
    form.addEventListener('submit', event => {
      event.preventDefault();
      load();
    });
    view.append(form, el('div', { className: 'actions' }, issue), link, list);
    await load();
  }

  function toolBlock(tool) {
    if (!tool) {
      return '';
    }
    const dl = el('dl', { className: 'mono' });
    for (const [k, v] of Object.entries(tool)) {
      dl.append(el('dt', { text: k }), el('dd', { text: cellText(v) }));
    }
    return dl;
  }

  async function credentials() {
    view.append(el('h1', { text: 'LRS credentials' }),
      el('p', { text: 'Keys that reporting tools and content use to reach the trust’s learning records.' }));
    const trust = await trustSelect('k-trust', false);
    const list = el('div');
    const shown = el('div', { id: 'new-credential' });
    const read = newestOnly();
    async function load() {
      try {
        const creds = await read('/admin/api/trusts/' + encodeURIComponent(trust.value) + '/credentials');
        if (!creds) {
          return;
        }
        list.replaceChildren(table('credentials-table', 'Credentials of ' + trust.value, [
          ['Key', c => el('code', { text: c.key })], ['Name', 'name'], ['Scopes', c => (c.scopes || []).join(' ')],
          ['Created', 'created'],
          ['', c => el('button', { type: 'button', className: 'secondary', text: 'Revoke', 'aria-label': 'Revoke ' + c.name,
            onclick: async () => {
              if (!window.confirm('Revoke credential ' + c.name + '? Tools using it stop working.')) {
                return;
              }
              try {
                await api.del('/admin/api/trusts/' + encodeURIComponent(trust.value) + '/credentials/'
                  + encodeURIComponent(c.key));
                say('Credential revoked.');
                load();
              } catch (e) {
                failed(e);
              }
            } })],
        ], creds));
      } catch (e) {
        failed(e);
      }
    }
    const name = el('input', { id: 'k-name', required: true, maxLength: 200 });
    const scopes = el('select', { id: 'k-scopes' }, ['statements/read', 'statements/write', 'all/read', 'all'].map(s =>
      el('option', { value: s, text: s })));
    const form = el('form', { className: 'inline card', 'aria-label': 'New credential' }, field('Name', name),
      field('Scope', scopes), el('div', {}, el('button', { type: 'submit', text: 'Create credential' })));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        const c = await api.post('/admin/api/trusts/' + encodeURIComponent(trust.value) + '/credentials',
          { name: name.value.trim(), scopes: [scopes.value] });
        shown.replaceChildren(el('div', { className: 'secret', role: 'alert' },
          el('p', { text: 'Copy the secret now: it is shown only once.' }),
          field('Key', el('input', { className: 'copyable', readOnly: true, value: c.key })),
          field('Secret', el('input', { className: 'copyable', readOnly: true, value: c.secret })),
          field('Endpoint', el('input', { className: 'copyable', readOnly: true, value: c.endpoint }))));
        load();
      } catch (e) {
        failed(e);
      }
    });
    trust.addEventListener('change', load);
    view.append(el('div', { className: 'filters card' }, field('Trust', trust)), shown, list,
      el('h2', { text: 'New credential' }), form);
    await load();
  }

  async function catalogue() {
    view.append(el('h1', { text: 'Catalogue' }));
    const q = el('input', { id: 'cat-q', type: 'search', maxLength: 200 });
    const size = el('select', { id: 'cat-size' }, [10, 25, 50].map(n => el('option', { value: n, text: n, selected: n === 25 })));
    const results = el('div', { id: 'catalogue-results' });
    const read = newestOnly();
    async function load(page) {
      try {
        const found = await read('/admin/api/resources' + query({ q: q.value, page: page, size: size.value }));
        if (!found) {
          return;
        }
        const pages = Math.max(1, Math.ceil(found.total / found.size));
        results.replaceChildren(table('catalogue-table', found.total + ' resources, page ' + found.page + ' of ' + pages, [
          ['Title', 'title'], ['Type', 'type'], ['Status', 'status'], ['Owner', r => r.ownerTrust || 'national'],
          ['Quality', 'qualityScore', { num: true }], ['Id', r => el('code', { text: r.id })],
        ], found.items), el('div', { className: 'actions' },
          el('button', { type: 'button', id: 'cat-prev', className: 'secondary', text: 'Previous page',
            disabled: found.page <= 1, onclick: () => load(found.page - 1) }),
          el('button', { type: 'button', id: 'cat-next', className: 'secondary', text: 'Next page',
            disabled: found.page >= pages, onclick: () => load(found.page + 1) })));
        say('');
      } catch (e) {
        failed(e);
      }
    }
    const form = el('form', { className: 'filters card', id: 'catalogue-filters', role: 'search' }, field('Search', q),
      field('Per page', size), el('div', {}, el('button', { type: 'submit', id: 'cat-apply', text: 'Search' })));
    form.addEventListener('submit', event => {
      event.preventDefault();
      load(1);
    });
    view.append(form, results);
    await load(1);
  }

  async function imports() {
    view.append(el('h1', { text: 'Catalogue imports' }));
    const results = el('div', { id: 'imports' });
    const read = newestOnly();
    async function load() {
      const list = await read('/admin/api/imports');
      if (!list) {
        return;
      }
      results.replaceChildren(table('imports-table', 'Imports, newest first', [
        ['When', 'created'], ['Source', 'source'], ['By', 'createdBy'], ['Dry run', r => r.dryRun ? 'yes' : 'no'],
        ['Outcome', 'outcome'],
        ['Rows', r => r.totals ? r.totals.rows : '', { num: true }],
        ['Accepted', r => r.totals ? r.totals.accepted : '', { num: true }],
        ['Warnings', r => r.totals ? r.totals.warnings : '', { num: true }],
        ['Rejected', r => r.totals ? r.totals.rejected : '', { num: true }],
        ['Quality report', r => el('a', { href: '/admin/api/imports/' + encodeURIComponent(r.id) + '/report.csv',
          download: '', text: 'CSV' })],
      ], list));
      return list;
    }
    const source = el('input', { id: 'i-source', required: true, maxLength: 100 });
    const file = el('input', { id: 'i-file', type: 'file', required: true, accept: '.csv,.json,text/csv,application/json' });
    const dryRun = el('input', { id: 'i-dry', type: 'checkbox' });
    const progress = el('progress', { id: 'i-progress', hidden: true });
    const form = el('form', { className: 'inline card', 'aria-label': 'New import' }, field('Source', source),
      field('File (CSV or JSON)', file), field('Dry run only', dryRun),
      el('div', {}, el('button', { type: 'submit', text: 'Import' })), progress);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const f = file.files[0];
      if (!f) {
        return;
      }
      progress.hidden = false;
      say('Importing ' + f.name + '…');
      try {
        const type = f.name.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv';
        const report = await request('POST', '/admin/api/imports' + query({ source: source.value,
          dryRun: dryRun.checked ? 'true' : '' }), f, type);
        say('Import ' + report.outcome + ': ' + report.totals.rows + ' rows, ' + report.totals.rejected + ' rejected.');
        load();
      } catch (e) {
        failed(e);
      } finally {
        progress.hidden = true;
      }
    });
    view.append(el('h2', { text: 'New import' }), el('p', {}, el('a', { href: '/admin/api/imports/template',
      download: '', text: 'Download the CSV template' })), form, results);
    await load();
  }

  async function accounts() {
    view.append(el('h1', { text: 'Accounts' }));
    const list = el('div');
    const read = newestOnly();
    async function load() {
      const all = await read('/admin/api/accounts');
      if (!all) {
        return;
      }
      list.replaceChildren(table('accounts-table', 'Administrator accounts', [
        ['User name', 'username'], ['Role', 'role'], ['Trust', 'trust'],
        ['Status', a => a.disabled ? 'disabled' : 'enabled'], ['Created', 'created'],
        ['', a => a.username === state.session.username ? '' : el('button', { type: 'button', className: 'secondary',
          text: a.disabled ? 'Enable' : 'Disable', 'aria-label': (a.disabled ? 'Enable ' : 'Disable ') + a.username,
          onclick: async () => {
            try {
              await api.post('/admin/api/accounts/' + encodeURIComponent(a.username) + (a.disabled ? '/enable' : '/disable'));
              load();
            } catch (e) {
              failed(e);
            }
          } })],
      ], all));
    }
    const username = el('input', { id: 'a-username', required: true, maxLength: 100, autocomplete: 'off' });
    const password = el('input', { id: 'a-password', type: 'password', required: true, minLength: 12, maxLength: 128,
      autocomplete: 'new-password' });
    const role = el('select', { id: 'a-role' }, el('option', { value: 'trust-admin', text: 'trust-admin' }),
      el('option', { value: 'hub-admin', text: 'hub-admin' }));
    const trust = await trustSelect('a-trust', false);
    const form = el('form', { className: 'inline card', 'aria-label': 'New account' }, field('User name', username),
      field('Password', password), field('Role', role), field('Trust (trust-admin)', trust),
      el('div', {}, el('button', { type: 'submit', text: 'Create account' })));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        await api.post('/admin/api/accounts', { username: username.value.trim(), password: password.value,
          role: role.value, trust: role.value === 'trust-admin' ? trust.value : null });
        password.value = '';
        say('Account ' + username.value.trim() + ' created.');
        load();
      } catch (e) {
        failed(e);
      }
    });
    view.append(list, el('h2', { text: 'New account' }), form);
    await load();
  }

  // ---- Shell -------------------------------------------------------------------------------------------------

  const ROUTES = {
    overview: overview, compliance: compliance, statements: statements, outbox: outbox, rejections: rejections,
    trusts: trustsScreen, registrations: registrations, credentials: credentials, catalogue: catalogue,
    imports: imports, accounts: accounts,
  };
  const HUB_ADMIN_ONLY = new Set(['imports', 'accounts']);

  async function render() {
    const hash = location.hash;
    if (hash && !hash.startsWith('#/')) {
      return; // an in-page link (skip link), not a route
    }
    let name = hash ? hash.substring(2) : 'overview';
    if (!ROUTES[name] || (HUB_ADMIN_ONLY.has(name) && state.session.role !== 'hub-admin')) {
      name = 'overview';
    }
    for (const a of document.querySelectorAll('#nav a')) {
      if (a.getAttribute('href') === '#/' + name) {
        a.setAttribute('aria-current', 'page');
      } else {
        a.removeAttribute('aria-current');
      }
    }
    state.timers.forEach(clearInterval);
    state.timers = [];
    view.replaceChildren();
    say('Loading…');
    document.body.dataset.view = name;
    delete document.body.dataset.ready;
    try {
      await ROUTES[name]();
      if (statusLine.textContent === 'Loading…') {
        say('');
      }
      document.body.dataset.ready = name;
    } catch (e) {
      failed(e);
    }
  }

  async function start() {
    try {
      state.session = await request('GET', '/admin/api/session');
    } catch (e) {
      if (e.status === 401) {
        view.replaceChildren(el('p', {}, 'You are not signed in. ', el('a', { id: 'signin-link', href: SIGN_IN, text: 'Sign in' })));
        say('');
        window.location.replace(SIGN_IN);
      } else {
        failed(e);
      }
      return;
    }
    const s = state.session;
    document.getElementById('who').textContent = s.username + ' (' + s.role + (s.trust ? ', ' + s.trust : '') + ')';
    for (const item of document.querySelectorAll('#nav [data-role="hub-admin"]')) {
      item.hidden = s.role !== 'hub-admin';
    }
    document.getElementById('nav').hidden = false;
    const signOut = document.getElementById('signout');
    signOut.hidden = false;
    signOut.addEventListener('click', async () => {
      try {
        await request('POST', '/signout', '');
      } finally {
        window.location.assign(SIGN_IN);
      }
    });
    window.addEventListener('hashchange', render);
    render();
  }

  start();
}());
