/* global module, process */
// Stands in for the `chromedriver` npm package that tachometer installs on demand (and
// which downloads a driver): the system's ChromeDriver (Debian's chromium-driver, the same
// version as /usr/bin/chromium) is on PATH, where selenium-webdriver finds it.
module.exports = { path: process.env.CHROMEDRIVER_PATH ?? '/usr/bin/chromedriver' };
