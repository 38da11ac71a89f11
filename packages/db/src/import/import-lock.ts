/** The advisory lock every portbook import holds while it runs; any key will do as long as all use it. */
export const IMPORT_LOCK_KEY = 7_370_617_264;
