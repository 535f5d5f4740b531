// crmlake portal: plain JS over the REST API, no build step. Credentials stay in this tab's
// sessionStorage and go out as HTTP Basic on each call.
(function () {
  'use strict';
  const T = {
    zh: { subtitle: '客户分析门户', signIn: '登录', user: '用户名', password: '密码', logout: '退出',
      kpis: '考核指标', reports: '报表归档', schedules: '报表计划', noReports: '归档中还没有报表。', download: '下载',
      failed: '失败', runNow: '立即运行', running: '运行中…', never: '—', onDemand: '按需',
      col: { generatedAt: '生成时间', report: '报表', period: '期间', locale: '语言', size: '大小', status: '状态',
        id: '计划', cron: 'cron', next: '下次运行', last: '上次结果' },
      marts: '数据集市浏览', martsDenied: '浏览集市需要分析师角色。', table: '表', addFilter: '添加条件',
      apply: '查询', downloadCsv: '下载 CSV', total: '共 {n} 行', met: '达标', missed: '未达标',
      no_target: '无目标', no_data: '无数据', target: '目标', badLogin: '用户名或密码错误', published: '数据发布于 {t}',
      noCatalog: '尚无已发布的数据：请先运行 crmlake run', page: '第 {p} 页' },
    en: { subtitle: 'customer analytics portal', signIn: 'Sign in', user: 'User', password: 'Password', logout: 'Sign out',
      kpis: 'KPIs vs targets', reports: 'Report archive', schedules: 'Report schedules', noReports: 'No reports archived yet.', download: 'Download',
      failed: 'failed', runNow: 'Run now', running: 'running…', never: '—', onDemand: 'on demand',
      col: { generatedAt: 'Generated', report: 'Report', period: 'Period', locale: 'Language', size: 'Size', status: 'Status',
        id: 'Schedule', cron: 'cron', next: 'Next run', last: 'Last outcome' },
      marts: 'Mart browser', martsDenied: 'Browsing marts needs the analyst role.', table: 'Table', addFilter: 'Add filter',
      apply: 'Query', downloadCsv: 'Download CSV', total: '{n} rows', met: 'met', missed: 'missed',
      no_target: 'no target', no_data: 'no data', target: 'target', badLogin: 'Wrong user or password', published: 'Data published {t}',
      noCatalog: 'Nothing published yet: run crmlake run first', page: 'page {p}' } };
  // KPI ids and periods of mart_kpi (docs/rules.md, "How the KPI mart counts").
  const KPI_NAMES = { zh: { churn_rate: '离网率', retention: '保有率', warning_completion: '预警任务完成率',
      repeat_purchase_rate: '复购率', arpu: 'ARPU', active_customers: '活跃客户', gross_adds: '新增客户', gross_losses: '流失客户' },
    en: { churn_rate: 'Churn rate', retention: 'Retention', warning_completion: 'Warning completion',
      repeat_purchase_rate: 'Repeat purchase rate', arpu: 'ARPU', active_customers: 'Active customers',
      gross_adds: 'Gross adds', gross_losses: 'Gross losses' } };
  const PERIOD_NAMES = { zh: { quarterly: '季度累计', yearly: '年度累计' }, en: { quarterly: 'quarter to date', yearly: 'year to date' } };
  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem('crmlake.lang') || ((navigator.language || 'zh').startsWith('zh') ? 'zh' : 'en');
  let marts = [], filters = [], page = 0, lastKpis = null, lastArchive = null, lastSchedules = null;
  const size = 50;

  function t(key, vars) {
    let s = (T[lang] && T[lang][key]) || key;
    Object.entries(vars || {}).forEach(([k, v]) => { s = s.replace('{' + k + '}', v); });
    return s;
  }
  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    $('lang-toggle').textContent = lang === 'zh' ? 'English' : '中文';
    if (lastKpis) renderKpis(lastKpis);
    if (lastArchive) renderArchive(lastArchive);
    if (lastSchedules) renderSchedules(lastSchedules);
  }
  async function api(path, opts) {
    const headers = { 'Authorization': 'Basic ' + sessionStorage.getItem('crmlake.auth'), 'X-Requested-With': 'XMLHttpRequest' };
    return fetch(path, Object.assign({ headers: headers }, opts || {}));
  }
  async function problem(res) {
    try { const p = await res.json(); return p.detail || p.title || res.status; } catch (e) { return String(res.status); }
  }

  async function login(ev) {
    ev.preventDefault();
    const user = $('login-user').value;
    sessionStorage.setItem('crmlake.auth', btoa(unescape(encodeURIComponent(user + ':' + $('login-password').value))));
    const res = await api('api/kpis');
    if (res.status === 401) { $('login-error').textContent = t('badLogin'); $('login-error').hidden = false; return; }
    sessionStorage.setItem('crmlake.user', user);
    await showPortal(res);
  }
  async function showPortal(kpiResponse) {
    $('login').hidden = true; $('portal').hidden = false; $('logout').hidden = false;
    $('who').textContent = sessionStorage.getItem('crmlake.user') || '';
    await loadKpis(kpiResponse);
    await loadReports();
    await loadMarts();
  }

  // Report archive (GET /api/reports/archive) and schedules; admins get a "run now" button per schedule.
  function when(iso) { return iso ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') : t('never'); }
  function header(table, keys) {
    const head = table.createTHead().insertRow();
    keys.forEach((k) => { const th = document.createElement('th'); th.textContent = T[lang].col[k]; head.appendChild(th); });
  }
  async function loadReports() {
    const [archive, schedules] = await Promise.all([api('api/reports/archive'), api('api/reports/schedules')]);
    if (!archive.ok) { $('report-error').textContent = await problem(archive); $('report-error').hidden = false; return; }
    $('report-error').hidden = true;
    lastArchive = await archive.json();
    renderArchive(lastArchive);
    if (schedules.ok) { lastSchedules = await schedules.json(); renderSchedules(lastSchedules); }
  }
  function renderArchive(entries) {
    const table = $('report-archive');
    table.innerHTML = '';
    if (!entries.length) { table.insertRow().insertCell().textContent = t('noReports'); return; }
    header(table, ['generatedAt', 'report', 'period', 'locale', 'size', 'status']);
    const body = table.createTBody();
    entries.forEach((e) => {
      const tr = body.insertRow();
      tr.className = 'archive-entry ' + e.status;
      tr.dataset.id = e.id;
      [when(e.generatedAt), e.report, e.period || '', e.locale,
        e.sizeBytes ? Math.round(e.sizeBytes / 1024) + ' KB' : ''].forEach((v) => { tr.insertCell().textContent = v; });
      const cell = tr.insertCell();
      if (e.status === 'ok') {
        const a = document.createElement('a');
        a.href = '#'; a.className = 'download-report'; a.textContent = t('download') + ' ' + e.fileName;
        a.onclick = (ev) => { ev.preventDefault(); downloadReport(e); };
        cell.appendChild(a);
      } else {
        cell.textContent = t('failed') + ': ' + (e.reason || '');
        cell.className = 'error';
      }
    });
  }
  async function downloadReport(e) {
    const res = await api('api/reports/archive/' + encodeURIComponent(e.id));
    if (!res.ok) { $('report-error').textContent = await problem(res); $('report-error').hidden = false; return; }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url; a.download = e.fileName;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  function renderSchedules(s) {
    const table = $('report-schedules');
    table.innerHTML = '';
    header(table, ['id', 'report', 'locale', 'next', 'last']);
    const body = table.createTBody();
    s.schedules.forEach((x) => {
      const tr = body.insertRow();
      tr.className = 'schedule';
      const last = x.lastOutcome ? x.lastOutcome.status + ' · ' + when(x.lastOutcome.at) + (x.lastOutcome.reason ? ' · ' + x.lastOutcome.reason : '') : t('never');
      [x.id, x.report, x.locale.join(', '), x.nextFireTime ? when(x.nextFireTime) : t('onDemand'), last]
        .forEach((v) => { tr.insertCell().textContent = v; });
      if (s.canRun) {
        const b = document.createElement('button');
        b.type = 'button'; b.className = 'run-now'; b.dataset.schedule = x.id; b.textContent = t('runNow');
        b.onclick = async () => {
          b.disabled = true; b.textContent = t('running');
          const res = await api('api/reports/schedules/' + encodeURIComponent(x.id) + '/run', { method: 'POST' });
          if (!res.ok) { $('report-error').textContent = await problem(res); $('report-error').hidden = false; }
          await loadReports();
        };
        tr.insertCell().appendChild(b);
      }
    });
  }

  async function loadKpis(res, period) {
    res = res || await api('api/kpis' + (period ? '?period=' + encodeURIComponent(period) : ''));
    if (!res.ok) { $('catalog-info').textContent = res.status === 503 ? t('noCatalog') : await problem(res); return; }
    lastKpis = await res.json();
    const sel = $('kpi-period');
    sel.innerHTML = '';
    lastKpis.periods.forEach((p) => { const o = new Option(String(p).replace(/(\d{4})(\d{2})/, '$1-$2'), p); sel.add(o); });
    if (lastKpis.period) sel.value = lastKpis.period;
    renderKpis(lastKpis);
  }
  // mart_kpi.actual and .target are already in the KPI's unit: percent (2.10 = 2.1 %), amount or count.
  function fmt(v, unit) {
    if (v === null || v === undefined) return '–';
    return unit === 'percent' ? Number(v).toFixed(1) + ' %'
      : Number(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: unit === 'count' ? 0 : 2 });
  }
  // The KPI name plus what sets this row apart: variant (total = none), scope when not all customers, period when not monthly.
  function kpiName(r) {
    return [KPI_NAMES[lang][r.kpi] || r.kpi,
      r.variant && r.variant !== 'total' ? r.variant : null,
      r.scope && r.scope !== 'all customers' ? r.scope : null,
      r.period && r.period !== 'monthly' ? (PERIOD_NAMES[lang][r.period] || r.period) : null].filter((x) => x).join(' · ');
  }
  function renderKpis(k) {
    $('catalog-info').textContent = t('published', { t: new Date(k.publishedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') });
    const tiles = $('kpi-tiles');
    tiles.innerHTML = '';
    k.kpis.forEach((r) => {
      const d = document.createElement('div');
      d.className = 'kpi-tile ' + r.status;
      const name = kpiName(r);
      d.innerHTML = '<div class="name"></div><div class="actual"></div><div class="target"></div><div class="status"></div>';
      d.querySelector('.name').textContent = name;
      d.querySelector('.actual').textContent = fmt(r.actual, r.unit);
      d.querySelector('.target').textContent = r.target === null || r.target === undefined ? '' : t('target') + ' ' + (r.operator || '') + ' ' + fmt(r.target, r.unit);
      d.querySelector('.status').textContent = t(r.status);
      tiles.appendChild(d);
    });
  }

  async function loadMarts() {
    const res = await api('api/marts');
    if (res.status === 403) { $('marts-denied').hidden = false; $('marts-ui').hidden = true; return; }
    marts = (await res.json()).filter((m) => m.published);
    const sel = $('mart-select');
    sel.innerHTML = '';
    marts.forEach((m) => sel.add(new Option(m.name + ' (' + (m.rows ?? 0) + ')', m.name)));
    const kpi = marts.find((m) => m.name === 'mart_kpi');
    if (kpi) sel.value = 'mart_kpi';
    selectMart();
  }
  function currentMart() { return marts.find((m) => m.name === $('mart-select').value); }
  function selectMart() {
    const m = currentMart();
    filters = []; page = 0; renderFilters();
    $('mart-comment').textContent = m ? m.comment : '';
    const col = $('filter-column');
    col.innerHTML = '';
    (m ? m.columns : []).forEach((c) => { const o = new Option(c.name + ' : ' + c.type, c.name); o.title = c.comment; col.add(o); });
    query();
  }
  function renderFilters() {
    const list = $('filter-list');
    list.innerHTML = '';
    filters.forEach((f, i) => {
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.textContent = f.column + ' ' + f.op + ' ' + f.value + ' ✕';
      chip.onclick = () => { filters.splice(i, 1); renderFilters(); };
      list.appendChild(chip);
    });
  }
  function params(extra) {
    const p = new URLSearchParams();
    filters.forEach((f) => p.append(f.op === 'eq' ? f.column : f.column + '.' + f.op, f.value));
    Object.entries(extra).forEach(([k, v]) => p.append(k, v));
    return p.toString();
  }
  async function query() {
    const m = currentMart();
    if (!m) return;
    const res = await api('api/marts/' + encodeURIComponent(m.name) + '?' + params({ page: page, size: size }));
    const err = $('mart-error');
    if (!res.ok) { err.textContent = await problem(res); err.hidden = false; return; }
    err.hidden = true;
    const data = await res.json();
    $('result-total').textContent = t('total', { n: data.total });
    $('page-info').textContent = ' ' + t('page', { p: page + 1 }) + ' ';
    const table = $('rows');
    table.innerHTML = '';
    const head = table.createTHead().insertRow();
    m.columns.forEach((c) => { const th = document.createElement('th'); th.textContent = c.name; th.title = c.comment; head.appendChild(th); });
    const body = table.createTBody();
    data.rows.forEach((r) => {
      const tr = body.insertRow();
      m.columns.forEach((c) => { tr.insertCell().textContent = r[c.name] === null ? '' : r[c.name]; });
    });
  }
  async function downloadCsv() {
    const m = currentMart();
    const res = await api('api/marts/' + encodeURIComponent(m.name) + '?' + params({ format: 'csv' }));
    if (!res.ok) { $('mart-error').textContent = await problem(res); $('mart-error').hidden = false; return; }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url; a.download = m.name + '.csv';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  $('login-form').addEventListener('submit', login);
  $('logout').onclick = () => { sessionStorage.clear(); location.reload(); };
  $('lang-toggle').onclick = () => { lang = lang === 'zh' ? 'en' : 'zh'; localStorage.setItem('crmlake.lang', lang); applyLanguage(); };
  $('kpi-period').onchange = () => loadKpis(null, $('kpi-period').value);
  $('mart-select').onchange = selectMart;
  $('filter-add').onclick = () => {
    if (!$('filter-value').value) return;
    filters.push({ column: $('filter-column').value, op: $('filter-op').value, value: $('filter-value').value });
    $('filter-value').value = ''; renderFilters();
  };
  $('apply').onclick = () => { page = 0; query(); };
  $('prev').onclick = () => { if (page > 0) { page--; query(); } };
  $('next').onclick = () => { page++; query(); };
  $('download-csv').onclick = downloadCsv;
  applyLanguage();
  if (sessionStorage.getItem('crmlake.auth')) {
    api('api/kpis').then((res) => { if (res.ok) showPortal(res); });
  }
})();
