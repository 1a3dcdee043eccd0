/**
 * The settings and choices sheets of an XLSForm: the form's id, version, title and default
 * language; the choice lists with their labels and further columns (for choice filters).
 */
import type { ParsedSheet } from '../../../../platform/upload/index.js';
import { XML_NAME, type ChoiceList, type FormLanguage, type LocalText } from './model.js';
import { cellOf, headerOf, languageOf, readColumns, textOf, type SheetColumns } from './xlsform-columns.js';
import { xlsformMessages as M, type IssueLog } from './xlsform-issues.js';

/** A warning for each column not kept (another language, media) that has a filled cell. */
export function reportNotKept(log: IssueLog, sheet: ParsedSheet, columns: SheetColumns): void {
  for (const c of columns.notKept)
    if (sheet.rows.some((r) => (r.cells[c.index] ?? '') !== ''))
      log.warn('column_not_kept', sheet.name, 1, c.header, M.column_not_kept(c.why));
}

export interface Settings {
  id: string;
  version: string | undefined;
  title: LocalText | undefined;
  defaultLanguage: FormLanguage;
  style: string | undefined;
  instanceName: { src: string; row: number; column: string; sheet: string; kind: string } | undefined;
}

/** The settings sheet's first row (all optional; the id may come from the caller). */
export function readSettings(
  settingsSheet: ParsedSheet | null,
  fallbackId: string | undefined,
  log: IssueLog,
): Settings {
  const { error, warn } = log;
  let defaultLanguage: FormLanguage = 'it';
  let id = fallbackId ?? '';
  let formIdGiven = false;
  let version: string | undefined;
  let title: LocalText | undefined;
  let style: string | undefined;
  let instanceName: Settings['instanceName'];
  if (settingsSheet && settingsSheet.rows.length > 0) {
    const probe = readColumns(settingsSheet.header, null);
    const row = settingsSheet.rows[0]!;
    const lang = cellOf(probe, row.cells, 'default_language');
    if (lang !== '') {
      const known = languageOf(lang);
      if (known) defaultLanguage = known;
      else
        warn(
          'unknown_language',
          settingsSheet.name,
          row.line,
          headerOf(probe, 'default_language'),
          M.unknown_language(lang),
        );
    }
    const columns = readColumns(settingsSheet.header, defaultLanguage);
    reportNotKept(log, settingsSheet, columns);
    const formId = cellOf(columns, row.cells, 'form_id');
    if (formId !== '') {
      formIdGiven = true;
      if (XML_NAME.test(formId)) id = formId;
      else error('invalid_name', settingsSheet.name, row.line, headerOf(columns, 'form_id'), M.invalid_name(formId));
    }
    version = cellOf(columns, row.cells, 'version') || undefined;
    title = textOf(columns, row.cells, 'form_title');
    style = cellOf(columns, row.cells, 'style') || undefined;
    const instance = cellOf(columns, row.cells, 'instance_name');
    if (instance !== '')
      instanceName = {
        src: instance,
        row: row.line,
        column: headerOf(columns, 'instance_name'),
        sheet: settingsSheet.name,
        kind: 'instance_name',
      };
    for (const setting of ['public_key', 'submission_url'])
      if (cellOf(columns, row.cells, setting) !== '')
        warn('setting_not_kept', settingsSheet.name, row.line, headerOf(columns, setting), M.setting_not_kept());
  }
  if (id === '' && !formIdGiven)
    error('missing_form_id', settingsSheet?.name ?? 'settings', null, null, M.missing_form_id());
  return { id, version, title, defaultLanguage, style, instanceName };
}

export type ReadList = ChoiceList & { row: number; seen: Map<string, number> };

/** The choice lists, by name, in the order they first appear; each choice's row is in `seen`. */
export function readChoices(
  choicesSheet: ParsedSheet | null,
  defaultLanguage: FormLanguage,
  log: IssueLog,
): Map<string, ReadList> {
  const { error } = log;
  const lists = new Map<string, ReadList>();
  if (choicesSheet) {
    const columns = readColumns(choicesSheet.header, defaultLanguage);
    reportNotKept(log, choicesSheet, columns);
    const listCol = columns.plain.get('list_name');
    const nameCol = columns.plain.get('name');
    if (listCol === undefined) error('missing_column', choicesSheet.name, 1, null, M.missing_column('list_name'));
    if (nameCol === undefined) error('missing_column', choicesSheet.name, 1, null, M.missing_column('name'));
    const extraColumns = [...columns.plain].filter(([base]) => base !== 'list_name' && base !== 'name');
    for (const { line, cells } of listCol === undefined || nameCol === undefined ? [] : choicesSheet.rows) {
      const listName = cells[listCol!] ?? '';
      const name = cells[nameCol!] ?? '';
      if (listName === '') {
        error('missing_list_name', choicesSheet.name, line, columns.headers[listCol!]!, M.missing_list_name());
        continue;
      }
      if (name === '') {
        error('missing_name', choicesSheet.name, line, columns.headers[nameCol!]!, M.missing_name());
        continue;
      }
      if (!XML_NAME.test(listName)) {
        error('invalid_name', choicesSheet.name, line, columns.headers[listCol!]!, M.invalid_name(listName));
        continue;
      }
      let list = lists.get(listName);
      if (!list) {
        list = { name: listName, choices: [], row: line, seen: new Map() };
        lists.set(listName, list);
      }
      const first = list.seen.get(name);
      if (first !== undefined) {
        error(
          'duplicate_choice',
          choicesSheet.name,
          line,
          columns.headers[nameCol!]!,
          M.duplicate_choice(name, listName, first),
        );
        continue;
      }
      list.seen.set(name, line);
      const extra: Record<string, string> = {};
      for (const [, index] of extraColumns)
        if ((cells[index] ?? '') !== '') extra[columns.headers[index]!] = cells[index]!;
      const label = textOf(columns, cells, 'label');
      list.choices.push({ name, ...(label ? { label } : {}), extra });
    }
  }
  return lists;
}
