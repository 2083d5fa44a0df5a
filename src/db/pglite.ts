// PGlite through Prisma's driver-adapter interface. The published adapter fires migration
// scripts without awaiting them, so a failing migration would be reported as applied; this
// factory awaits the script and turns its error into the adapter's own error.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

export class PGliteAdapterFactory extends PrismaPGlite {
  constructor(readonly pglite: PGlite) {
    super(pglite);
  }

  override async connect() {
    const adapter = await super.connect();
    const pglite = this.pglite;
    adapter.executeScript = async (script: string) => {
      try {
        await pglite.exec(script);
      } catch (err) {
        (adapter as unknown as { onError(e: unknown): never }).onError(err);
      }
    };
    return adapter;
  }
}
