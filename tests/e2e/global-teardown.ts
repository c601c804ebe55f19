import { stopRecordedCluster } from "./cluster";

/** Runs before Playwright kills the webServer: that SIGKILL would leave the PostgreSQL pass's cluster running. */
export default function globalTeardown(): void {
  stopRecordedCluster();
}
