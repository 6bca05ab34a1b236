// The task form: the form-js viewer, prefilled from the task's variables.
import '@bpmn-io/form-js/dist/assets/form-js.css';

import { Form } from '@bpmn-io/form-js';

/** Renders the form-js JSON `schema` (a string) in `container`, with `data` (an object) as the initial values. */
export async function open(container, schema, data) {
  const form = new Form({ container });
  await form.importSchema(JSON.parse(schema), data ?? {});
  return form;
}

export function destroy(form) {
  form?.destroy();
}
