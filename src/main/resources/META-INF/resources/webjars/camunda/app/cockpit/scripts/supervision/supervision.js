/*
 * Localisation Approval: the board's supervision in Cockpit (Cockpit's plugin API, 7.14+).
 *
 *  - «Реестр заявок» in the navigation (cockpit.navigation) and its page (cockpit.route
 *    #/localisation-register): every request, finished ones included; filters, search, paging and
 *    a CSV export of the current filters and search;
 *  - a request's page (#/localisation-register/<number>): its timeline and the diagrams of its
 *    processes with the path they took (bpmn-js viewer, vendored in ./vendor);
 *  - a panel on Cockpit's dashboard (cockpit.dashboard): open requests by stage, overdue tasks by
 *    group, decisions of this month, days from intake to decision.
 *
 * The data come from the application's /supervision/api, which answers the board and
 * administrators by the Cockpit session the browser already holds (cookies), anyone else 403.
 */

const ROUTE = '/localisation-register';

/*
 * Read-only Cockpit for users who may not change instances (the board): Community Cockpit shows
 * every user the icons of every action (cancel, suspend, add/edit/delete variables, job
 * priorities, suspension of job definitions) and lets the engine refuse them afterwards. Asked
 * after each login (when the navigation renders): may this user UPDATE any process instance? If
 * not, those icons are hidden (the retry of failed jobs stays: the board may retry).
 * Administrators keep them all. The engine refuses them anyway; this only spares the board the
 * buttons.
 */
const READ_ONLY_STYLE = `
html.la-read-only .ctn-toolbar [ng-click="openDialog()"]:not(:has(.glyphicon-repeat)),
html.la-read-only .ctn-toolbar .action-button,
html.la-read-only [ng-click="showDialog()"],
html.la-read-only [ng-click^="enableEditMode"],
html.la-read-only [ng-click^="deleteVariable"],
html.la-read-only [ng-click^="changeIdentity"],
html.la-read-only [ng-click^="openDialog("]:not(:has(.glyphicon-repeat)) { display: none !important; }
`;

function markReadOnly() {
  const base = document.querySelector('base');
  const engine = (window.location.pathname.match(/\/app\/cockpit\/([^/]+)\//) || [])[1];
  if (!base || !base.getAttribute('engine-api') || !engine) {
    return;
  }
  const check = base.getAttribute('engine-api') + 'engine/' + engine +
    '/authorization/check?permissionName=UPDATE&resourceName=ProcessInstance&resourceType=8&resourceId=*';
  fetch(check, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : null))
    .then(answer => {
      if (!document.getElementById('la-read-only-style')) {
        document.head.appendChild(el('style', {id: 'la-read-only-style'}, READ_ONLY_STYLE));
      }
      document.documentElement.classList.toggle('la-read-only', !!answer && answer.authorized === false);
    })
    .catch(() => {});
}
const MOSCOW = 'Europe/Moscow';
const PAGE_SIZE = 20;

/** The application's root: Cockpit's admin API is <root>/camunda/api/admin. */
function supervisionApi(api) {
  return api.adminApi.replace(/\/camunda\/api\/admin$/, '') + '/supervision/api';
}

async function getJson(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    let detail = '';
    try {
      detail = (await response.json()).detail || '';
    } catch (e) {
      // no problem body
    }
    const error = new Error(detail || 'Ошибка ' + response.status);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.substring(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat(Infinity).forEach(child => {
    if (child !== undefined && child !== null && child !== false) {
      element.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
  });
  return element;
}

function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString('ru-RU', {timeZone: MOSCOW, dateStyle: 'short', timeStyle: 'short'}) : '';
}

function date(iso) {
  return iso ? new Date(iso).toLocaleDateString('ru-RU', {timeZone: MOSCOW}) : '';
}

function days(value) {
  return value === null || value === undefined ? '—' : String(value).replace('.', ',') + ' дн.';
}

function failure(node, error) {
  node.innerHTML = '';
  node.appendChild(
    el('div', {class: 'alert alert-danger la-error'},
      error.status === 403
        ? 'Реестр заявок доступен руководству департамента и администраторам.'
        : error.status === 404
          ? 'Заявка не найдена.'
          : 'Не удалось загрузить данные: ' + error.message));
}

const STYLE = `
.la-page { padding: 15px 20px; }
.la-page h1 { font-size: 22px; margin: 0 0 15px; }
.la-filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 12px; }
.la-filters select, .la-filters input { width: auto; display: inline-block; }
.la-register td, .la-register th, .la-timeline td, .la-timeline th { font-size: 13px; vertical-align: top; }
.la-overdue { color: #b5152b; font-weight: bold; }
.la-paging { display: flex; gap: 10px; align-items: center; }
.la-facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin-bottom: 15px; }
.la-facts dt { font-weight: normal; color: #666; }
.la-facts dd { margin: 0; }
.la-diagram { height: 420px; border: 1px solid #ddd; margin-bottom: 15px; position: relative; }
.la-diagram-title { font-weight: bold; margin: 10px 0 5px; }
.la-fields { margin: 4px 0 0; padding-left: 16px; }
.la-dashboard { display: flex; flex-wrap: wrap; gap: 30px; }
.la-dashboard section { min-width: 220px; }
.la-dashboard h4 { font-size: 14px; margin: 0 0 6px; }
.la-dashboard table td { padding: 1px 10px 1px 0; font-size: 13px; }
.la-figure { font-size: 20px; font-weight: bold; }
.la-passed:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #2a6ebb !important; fill: #e3eefa !important; }
.la-active:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #e67e22 !important; fill: #fdebd0 !important; stroke-width: 3px !important; }
.la-taken.djs-connection .djs-visual > path { stroke: #2a6ebb !important; stroke-width: 2.5px !important; }
`;

function ensureStyle() {
  if (!document.getElementById('la-supervision-style')) {
    document.head.appendChild(el('style', {id: 'la-supervision-style'}, STYLE));
  }
}

// --- the register ---------------------------------------------------------------------------

function registerPage(node, api) {
  ensureStyle();
  const base = supervisionApi(api);
  const state = {status: '', stage: '', sector: '', q: '', page: 0};
  const root = el('div', {class: 'la-page la-register-page'});
  node.appendChild(root);

  function parameters(withPage) {
    const parameters = new URLSearchParams();
    ['status', 'stage', 'sector', 'q'].forEach(name => state[name] && parameters.set(name, state[name]));
    if (withPage) {
      parameters.set('page', state.page);
      parameters.set('size', PAGE_SIZE);
    }
    return parameters.toString();
  }

  function select(name, label, choices) {
    return el('select', {class: 'form-control input-sm', name, 'aria-label': label,
        onchange: event => { state[name] = event.target.value; state.page = 0; load(); }},
      el('option', {value: ''}, label + ': все'),
      choices.map(choice => el('option', {value: choice.code, selected: state[name] === choice.code}, choice.name)));
  }

  async function load() {
    try {
      const [vocabulary, page] = await Promise.all([
        registerPage.vocabulary || getJson(base + '/vocabulary'),
        getJson(base + '/requests?' + parameters(true))
      ]);
      registerPage.vocabulary = vocabulary;
      render(vocabulary, page);
    } catch (error) {
      failure(root, error);
    }
  }

  function render(vocabulary, page) {
    root.innerHTML = '';
    const search = el('input', {class: 'form-control input-sm', type: 'search', name: 'q', value: state.q,
      placeholder: 'Номер заявки или инвестор', size: 30});
    const find = () => { state.q = search.value.trim(); state.page = 0; load(); };
    search.addEventListener('keydown', event => event.key === 'Enter' && find());
    root.appendChild(el('h1', {}, 'Реестр заявок'));
    root.appendChild(el('div', {class: 'la-filters'},
      select('status', 'Статус', vocabulary.statuses),
      select('stage', 'Этап', vocabulary.stages),
      select('sector', 'Отрасль', vocabulary.sectors),
      search,
      el('button', {class: 'btn btn-default btn-sm la-find', type: 'button', onclick: find}, 'Найти'),
      el('a', {class: 'btn btn-link btn-sm la-csv', href: base + '/requests.csv?' + parameters(false), download: true},
        'Выгрузить в CSV')));
    const rows = page.items.map(row => el('tr', {'data-number': row.number},
      el('td', {}, el('a', {href: '#' + ROUTE + '/' + encodeURIComponent(row.number), class: 'la-number'}, row.number)),
      el('td', {}, row.investorName),
      el('td', {}, row.sectorName),
      el('td', {class: 'la-status'}, row.statusName),
      el('td', {}, row.stageName),
      el('td', {}, date(row.registeredAt)),
      el('td', {}, String(row.daysOpen)),
      el('td', {class: row.overdue ? 'la-overdue' : ''}, row.overdue ? 'да' : 'нет'),
      el('td', {}, row.agreementNumber || ''),
      el('td', {}, row.site || '')));
    root.appendChild(el('table', {class: 'table table-striped table-condensed la-register'},
      el('thead', {}, el('tr', {},
        ['Номер', 'Инвестор', 'Отрасль', 'Статус', 'Этап', 'Зарегистрирована', 'Дней в работе', 'Просрочена',
          'Номер соглашения', 'Площадка'].map(title => el('th', {}, title)))),
      el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', {colspan: 10}, 'Заявок не найдено')))));
    const pages = Math.max(1, Math.ceil(page.totalElements / page.size));
    root.appendChild(el('div', {class: 'la-paging'},
      el('button', {class: 'btn btn-default btn-sm la-previous', type: 'button', disabled: page.page === 0,
        onclick: () => { state.page -= 1; load(); }}, '← Назад'),
      el('span', {class: 'la-page-of'}, 'Страница ' + (page.page + 1) + ' из ' + pages + ' · заявок: ' + page.totalElements),
      el('button', {class: 'btn btn-default btn-sm la-next', type: 'button', disabled: page.page + 1 >= pages,
        onclick: () => { state.page += 1; load(); }}, 'Вперёд →')));
  }

  load();
}

// --- a request's page -------------------------------------------------------------------------

let viewerLoading;

/** bpmn-js's viewer, loaded once; as a global, also where Cockpit's own AMD loader is present. */
function bpmnViewer() {
  if (!viewerLoading) {
    const url = new URL('vendor/bpmn-navigated-viewer.production.min.js', import.meta.url);
    viewerLoading = fetch(url, {credentials: 'same-origin'})
      .then(response => response.text())
      .then(code => {
        const scope = {};
        // the UMD bundle sees no module system and sets BpmnJS on the object it is given
        new Function('define', 'module', 'exports', 'globalThis', code).call(scope, undefined, undefined, undefined, scope);
        return scope.BpmnJS;
      });
  }
  return viewerLoading;
}

async function showDiagram(container, api, path) {
  const [BpmnJS, definition] = await Promise.all([
    bpmnViewer(),
    getJson(api.engineApi + '/process-definition/' + encodeURIComponent(path.processDefinitionId) + '/xml')
  ]);
  const viewer = new BpmnJS({container});
  await viewer.importXML(definition.bpmn20Xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const passed = new Set(path.passed);
  path.passed.forEach(id => registry.get(id) && canvas.addMarker(id, 'la-passed'));
  path.active.forEach(id => registry.get(id) && canvas.addMarker(id, 'la-active'));
  registry.filter(element => element.type === 'bpmn:SequenceFlow')
    .filter(flow => passed.has(flow.source.id) && passed.has(flow.target.id))
    .forEach(flow => canvas.addMarker(flow.id, 'la-taken'));
  canvas.zoom('fit-viewport');
  container.setAttribute('data-rendered', 'true');
}

function requestPage(node, api, number) {
  ensureStyle();
  const base = supervisionApi(api);
  const root = el('div', {class: 'la-page la-request-page'});
  node.appendChild(root);
  getJson(base + '/requests/' + encodeURIComponent(number))
    .then(file => {
      const request = file.request;
      root.appendChild(el('p', {}, el('a', {href: '#' + ROUTE, class: 'la-back'}, '← Реестр заявок')));
      root.appendChild(el('h1', {}, 'Заявка ' + request.number));
      const facts = [
        ['Инвестор', request.investorName], ['Отрасль', request.sectorName], ['Статус', request.statusName],
        ['Этап', request.stageName], ['Зарегистрирована', dateTime(request.registeredAt)],
        ['Завершена', dateTime(request.finishedAt)], ['Дней в работе', String(request.daysOpen)],
        ['Просрочена', request.overdue ? 'да' : 'нет'], ['Номер соглашения', request.agreementNumber],
        ['Площадка', request.site]];
      root.appendChild(el('dl', {class: 'la-facts'},
        facts.filter(([, value]) => value).map(([label, value]) => [el('dt', {}, label), el('dd', {}, value)])));
      root.appendChild(el('h3', {}, 'Ход рассмотрения'));
      root.appendChild(el('table', {class: 'table table-condensed la-timeline'},
        el('thead', {}, el('tr', {}, ['Когда', 'Кто', 'Что', 'Решение, комментарий'].map(title => el('th', {}, title)))),
        el('tbody', {}, file.timeline.map(step => el('tr', {class: 'la-step la-step-' + step.kind.toLowerCase()},
          el('td', {}, dateTime(step.at)),
          el('td', {}, step.actor || (step.kind === 'EVENT' ? 'система' : '')),
          el('td', {}, step.title),
          el('td', {},
            step.detail || '',
            step.fields.length
              ? el('ul', {class: 'la-fields'}, step.fields.map(field => el('li', {}, field.label + ': ' + field.value)))
              : null))))));
      root.appendChild(el('h3', {}, 'Путь по схеме процесса'));
      file.paths.forEach(path => {
        const container = el('div', {class: 'la-diagram', 'data-process': path.processDefinitionKey});
        root.appendChild(el('div', {class: 'la-diagram-title'},
          path.processDefinitionKey === 'site-allocation' ? 'Подбор площадки' : 'Согласование заявки'));
        root.appendChild(container);
        showDiagram(container, api, path).catch(error => {
          container.appendChild(el('div', {class: 'alert alert-warning'}, 'Схему показать не удалось: ' + error.message));
        });
      });
      if (!file.paths.length) {
        root.appendChild(el('p', {}, 'История процесса по заявке уже удалена по сроку хранения.'));
      }
    })
    .catch(error => failure(root, error));
}

// --- the dashboard panel ----------------------------------------------------------------------

function dashboardPanel(node, api) {
  ensureStyle();
  const root = el('div', {class: 'la-dashboard-panel'});
  node.appendChild(root);
  getJson(supervisionApi(api) + '/dashboard')
    .then(figures => {
      const table = counts => el('table', {}, counts.map(count =>
        el('tr', {}, el('td', {}, count.name), el('td', {class: 'la-count', 'data-code': count.code}, String(count.count)))));
      root.appendChild(el('h3', {class: 'section-title'}, 'Заявки на локализацию'));
      root.appendChild(el('div', {class: 'la-dashboard'},
        el('section', {class: 'la-open-by-stage'}, el('h4', {}, 'В работе по этапам'), table(figures.openByStage)),
        el('section', {class: 'la-overdue-by-group'}, el('h4', {}, 'Просроченные задачи по группам'), table(figures.overdueTasksByGroup)),
        el('section', {class: 'la-this-month'}, el('h4', {}, 'Решения в этом месяце'),
          el('div', {}, 'Одобрено: ', el('span', {class: 'la-figure la-approved'}, String(figures.approvedThisMonth))),
          el('div', {}, 'Отклонено: ', el('span', {class: 'la-figure la-rejected'}, String(figures.rejectedThisMonth)))),
        el('section', {class: 'la-durations'}, el('h4', {}, 'От регистрации до решения, 90 дней'),
          el('div', {}, 'Медиана: ', el('span', {class: 'la-figure la-median'}, days(figures.medianDays))),
          el('div', {}, '90-й процентиль: ', el('span', {class: 'la-figure la-p90'}, days(figures.p90Days))),
          el('div', {}, 'Решений: ' + figures.decisionsInWindow)),
        el('section', {}, el('a', {href: '#' + ROUTE}, 'Открыть реестр заявок →'))));
    })
    .catch(error => {
      // not the board: the panel stays away rather than showing a refusal on the dashboard
      if (error.status !== 403 && error.status !== 401) {
        failure(root, error);
      }
    });
}

function numberInLocation() {
  const match = window.location.hash.match(new RegExp('^#' + ROUTE + '/([^/?]+)'));
  return match ? decodeURIComponent(match[1]) : null;
}

export default [
  {
    id: 'localisation.register.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    render: node => {
      // the navigation renders after each login: the user's permissions are asked then
      markReadOnly();
      node.appendChild(el('a', {href: '#' + ROUTE, class: 'la-navigation'}, 'Реестр заявок'));
    },
    properties: {
      pagePath: '#' + ROUTE,
      checkActive: path => path.indexOf('#' + ROUTE) > -1
    }
  },
  {
    id: 'localisation.register.route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    render: (node, {api}) => registerPage(node, api),
    properties: {path: ROUTE, label: 'Реестр заявок'}
  },
  {
    id: 'localisation.request.route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    render: (node, {api}) => requestPage(node, api, numberInLocation()),
    properties: {path: ROUTE + '/:number', label: 'Заявка'}
  },
  {
    id: 'localisation.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 50,
    render: (node, {api}) => dashboardPanel(node, api)
  }
];
