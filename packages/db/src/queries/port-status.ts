/** The rule lives in core's snapshot; re-exported for the site until it reads the snapshot. */
export { portStatus } from '@portbook/core';
