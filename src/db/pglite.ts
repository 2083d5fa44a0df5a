// PGlite through Prisma's driver-adapter interface, with migration scripts run whole and awaited
// (see whole-script.ts).
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { runScriptsWhole } from "./whole-script.js";

export class PGliteAdapterFactory extends PrismaPGlite {
  constructor(readonly pglite: PGlite) {
    super(pglite);
  }

  override async connect() {
    return runScriptsWhole(await super.connect(), (script) => this.pglite.exec(script));
  }
}
