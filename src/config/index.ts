/** Settings of the commands that talk to a gateway (`ccgw.config.json`, `CCGW_*`, flags). */
export * from './config-document.ts';
export * from './settings.ts';
