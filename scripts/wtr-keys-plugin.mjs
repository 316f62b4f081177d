// A web-test-runner command that presses a key chord (e.g. Shift+Enter) as real input in
// every launcher we use. The stock sendKeys cannot hold a modifier under WebDriver.
//   executeServerCommand('press-chord', { keys: ['Shift', 'Enter'] })
export function pressChordPlugin() {
  return {
    name: 'tn-press-chord',
    async executeCommand({ command, payload, session }) {
      if (command !== 'press-chord') return undefined;
      const keys = payload?.keys;
      if (!Array.isArray(keys) || keys.length === 0) throw new Error('press-chord needs { keys: [...] }');
      const browser = session.browser;
      if (browser.type === 'webdriver') {
        // WebDriver holds modifiers until the end of the sequence, then releases them.
        await browser.sendKeys(session.id, keys);
        return true;
      }
      const page = browser.getPage(session.id);
      const modifiers = keys.slice(0, -1);
      for (const key of modifiers) await page.keyboard.down(key);
      await page.keyboard.press(keys[keys.length - 1]);
      for (const key of modifiers.reverse()) await page.keyboard.up(key);
      return true;
    },
  };
}
