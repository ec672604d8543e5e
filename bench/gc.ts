import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | undefined;

/**
 * A full garbage collection, so one measurement does not pay for the garbage of the one
 * before. Works without `--expose-gc` on the command line (the flag is set at run time and
 * the function taken from a fresh context).
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  gc();
}
