import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

/** Presses one key as real input (`'ArrowDown'`, `'Enter'`, `'Escape'`…). */
export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/**
 * Types text as real input, key by key. Under WebKitWebDriver a doubled letter ("zz") is
 * typed once (the driver merges the repeated key), so test strings avoid doubled letters.
 */
export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/** Presses a chord such as Shift+Enter as real input, in every engine (see scripts/wtr-keys-plugin.mjs). */
export async function chord(...keys: string[]): Promise<void> {
  await executeServerCommand('press-chord', { keys });
}
