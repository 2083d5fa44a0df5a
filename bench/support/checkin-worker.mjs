// Worker threads do not inherit tsx's loader: load the TypeScript load generator through tsx's API.
import { tsImport } from "tsx/esm/api";

await tsImport("./checkin-worker.ts", import.meta.url);
