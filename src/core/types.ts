// The domain's words as adapters see them: the values a device, command, report or custody
// account can take, and the records the core hands out. Adapters import these from here, never
// from the generated database client, so the database stays the core's own business.
export type {
  AccountRole,
  CommandState,
  CommandType,
  ManagementState,
  Platform,
  RenewalKind,
  ReportStatus,
} from "../generated/prisma/enums.js";
export type { CustodyAccount } from "../generated/prisma/client.js";
