/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/*
 * Localisation Approval: Camunda 7.24's tasklist/scripts/config.js with Russian enabled. This copy
 * shadows the one in camunda-webapp-webjar (the application's classes come first on the
 * classpath). Tasklist takes the first of the browser's languages (navigator.languages[0],
 * 'ru-RU' → 'ru') if it is listed in availableLocales, otherwise the fallbackLocale; the labels
 * come from ../locales/<locale>.json; date-locale.js keeps moment.js's dates in the same language;
 * forms-ru.js puts Camunda Forms' validation messages in Russian and sorts lists by due date.
 */

// the same choice Tasklist makes, for the texts this file itself holds (shortcut descriptions)
const browserLanguage =
  ((navigator.languages && navigator.languages[0]) || navigator.language || '').split('-')[0].toLowerCase();
const inRussian = browserLanguage === 'ru';
const text = (english, russian) => (inRussian ? russian : english);

export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  locales: {
    availableLocales: ['ru', 'en'],
    fallbackLocale: 'en'
  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // Tasklist loads ru.json and the fallback en.json side by side and each switches moment.js's
  // locale when it arrives; scripts/date-locale.js keeps dates in the language of the labels
  requireJsConfig: {
    // AngularJS module names
    ngDeps: ['cam.tasklist.dateLocale', 'cam.tasklist.officials'],
    // RequireJS configuration for a complete configuration documentation see:
    // http://requirejs.org/docs/api.html#config
    deps: ['date-locale', 'forms-ru'],
    paths: {
      'date-locale': 'scripts/date-locale',
      // Russian validation messages of Camunda Forms, lists sorted by due date
      'forms-ru': 'scripts/forms-ru'
    }
  },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: text(
        'claims the currently selected task',
        'взять выбранную задачу в работу'
      )
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: text(
        'set the focus to the first filter in the list',
        'перейти к первому фильтру в списке'
      )
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: text(
        'sets the focus to the first task in the list',
        'перейти к первой задаче в списке'
      )
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: text(
        'sets the focus to the first input field in a task form',
        'перейти к первому полю формы задачи'
      )
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: text(
        'opens the start process modal dialog',
        'открыть окно запуска процесса'
      )
    }
  }
};
