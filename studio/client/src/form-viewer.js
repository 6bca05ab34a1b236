// The task form: the form-js viewer, prefilled from the task's variables. Submitting runs form-js's own checks in the
// browser; the server checks again and its messages are put back on the fields here.
import '@bpmn-io/form-js/dist/assets/form-js.css';

import { Form } from '@bpmn-io/form-js';

/** Renders the form-js JSON `schema` (a string) in `container`, with `data` (a JSON string or an object) as the initial values. */
export async function open(container, schema, data) {
  const form = new Form({ container });
  const initial = typeof data === 'string' ? JSON.parse(data || '{}') : (data ?? {});
  await form.importSchema(JSON.parse(schema), initial);
  return form;
}

/**
 * Runs form-js's submit: its field checks show on the fields. Returns JSON text
 * `{ "data": {...}, "valid": bool }`: the data to send only when the browser found nothing wrong.
 */
export function submit(form) {
  const { data, errors } = form.submit();
  return JSON.stringify({ data, valid: Object.keys(errors ?? {}).length === 0 });
}

/**
 * Puts the server's messages on their fields. `errors` (JSON text) is keyed by field key as the server reports it: a
 * dotted path, with list indexes as numbers ("visits.1.on"). form-js keeps errors by field id (and list index), so the
 * key is mapped to the id of the field that binds it. Returns the keys no field was found for (shown in the summary only).
 */
export function showErrors(form, errors) {
  const byKey = JSON.parse(errors);
  const paths = fieldPaths(form._getState().schema);
  const state = {};
  const unmatched = [];
  for (const [key, messages] of Object.entries(byKey)) {
    const segments = key.split('.');
    const template = segments.map(s => (/^\d+$/.test(s) ? '*' : s)).join('.');
    const id = paths.get(template);
    if (!id) {
      unmatched.push(key);
      continue;
    }
    const indexes = segments.filter(s => /^\d+$/.test(s)).map(Number);
    if (indexes.length === 0) {
      state[id] = messages;
    } else {
      let level = (state[id] ??= {});
      indexes.slice(0, -1).forEach(i => { level = (level[i] ??= {}); });
      level[indexes[indexes.length - 1]] = messages;
    }
  }
  form._setState({ errors: state });
  return unmatched;
}

/** Field key path (groups' and lists' paths included, a list's entries as "*") → field id. */
function fieldPaths(schema) {
  const paths = new Map();
  const walk = (components, prefix) => {
    for (const c of components ?? []) {
      if ((c.type === 'group' || c.type === 'dynamiclist') && Array.isArray(c.components)) {
        let next = prefix;
        if (c.path) {
          next = [...prefix, ...c.path.split('.')];
          if (c.type === 'dynamiclist' && c.isRepeating !== false) {
            next = [...next, '*'];
          }
        }
        walk(c.components, next);
      } else if (c.key) {
        paths.set([...prefix, ...c.key.split('.')].join('.'), c.id);
      }
    }
  };
  walk(schema?.components, []);
  return paths;
}

export function destroy(form) {
  form?.destroy();
}
