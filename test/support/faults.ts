import type http from "node:http";

/** What can go wrong with one request to the fake Discord, as it goes wrong with the real one. */
export type Fault =
  /** Discord did the work (created the message, accepted the callback), but the response was lost: the client gets `status`. */
  | { kind: "lostResponse"; status: number }
  /** Discord did the work at once but answers only after `delayMs`, e.g. past the client's REST timeout. */
  | { kind: "slowResponse"; delayMs: number }
  /** The request waits `delayMs` before Discord does the work; if the client hangs up meanwhile, nothing happens. */
  | { kind: "slowRequest"; delayMs: number };

interface PlannedFault {
  method: string;
  path: string | RegExp;
  fault: Fault;
  remaining: number;
}

/** Faults planned for the next requests that match, each for a number of requests. */
export class FaultPlan {
  private readonly planned: PlannedFault[] = [];

  add(method: string, path: string | RegExp, fault: Fault, times: number): void {
    this.planned.push({ method, path, fault, remaining: times });
  }

  clear(): void {
    this.planned.length = 0;
  }

  /** The fault for this request, if one is planned; counts it. */
  take(method: string, path: string): Fault | undefined {
    const match = this.planned.find(
      (planned) => planned.remaining > 0 && planned.method === method && (typeof planned.path === "string" ? planned.path === path : planned.path.test(path)),
    );
    if (match === undefined) return undefined;
    match.remaining--;
    return match.fault;
  }
}

/** Waits `delayMs` with the response open: true when the time is up, false if the client hung up first. */
export function holdResponse(response: http.ServerResponse, delayMs: number): Promise<boolean> {
  if (response.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const hungUp = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      response.off("close", hungUp);
      resolve(true);
    }, delayMs);
    response.once("close", hungUp);
  });
}
