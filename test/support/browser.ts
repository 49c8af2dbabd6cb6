/**
 * Debian's chromium (test/support/prepare-machine.sh installs it): no browser download is possible
 * here, and without the background-networking flags it keeps calling out to Google's hosts.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
