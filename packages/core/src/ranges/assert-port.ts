import { PortbookError } from '../errors.ts';
import { PORT_MAX, PORT_MIN } from '../model.ts';

/** Throws PORT_OUT_OF_RANGE unless `port` is an integer from 0 to 65535. */
export function assertPort(port: number): void {
  if (!Number.isInteger(port) || port < PORT_MIN || port > PORT_MAX) {
    throw new PortbookError(
      'PORT_OUT_OF_RANGE',
      `${port} is not a port number: ports are whole numbers from ${PORT_MIN} to ${PORT_MAX}`,
    );
  }
}
