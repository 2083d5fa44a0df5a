// The inventory export is read a page at a time (a fleet of 100,000 devices is never in memory
// at once): across page boundaries no device is lost or repeated, the order is by name, and a
// department admin's pages hold only their departments' devices.
import { afterEach, describe, expect, it } from "vitest";
import { SYSTEM } from "../../src/core/actors.js";
import { inventoryPages } from "../../src/core/inventory/export.js";
import type { Database } from "../../src/db/client.js";
import { aDepartment, aDevice, aPerson } from "../support/builders.js";
import { createTestDatabase } from "../support/db.js";

let db: Database;
afterEach(() => db?.close());

describe("the inventory export, page by page", () => {
  it("gives every device once, in name order, across pages, and only in the reader's scope", async () => {
    db = await createTestDatabase();
    const sales = await aDepartment(db.prisma, { name: "Sales" });
    const ops = await aDepartment(db.prisma, { name: "Ops" });
    const seller = await aPerson(db.prisma, { departmentId: sales.id });
    const operator = await aPerson(db.prisma, { departmentId: ops.id });
    // Two devices share a name: the id decides between them, on either side of a page break.
    for (const [name, owner] of [
      ["Phone C", seller],
      ["Phone A", seller],
      ["Phone B", operator],
      ["Phone A", operator],
      ["Phone E", seller],
    ] as const)
      await aDevice(db.prisma, { name, ownerId: owner.id });

    const all: string[] = [];
    const sizes: number[] = [];
    for await (const page of inventoryPages(db.prisma, SYSTEM, 2)) {
      sizes.push(page.length);
      all.push(...page.map((r) => `${r.deviceName}/${r.department}`));
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(all.map((a) => a.split("/")[0])).toEqual(["Phone A", "Phone A", "Phone B", "Phone C", "Phone E"]);
    expect(new Set(all).size).toBe(5);

    const salesAdmin = { ...SYSTEM, id: "sales-admin", systemAdmin: false, adminOf: [sales.id] };
    const scoped: string[] = [];
    for await (const page of inventoryPages(db.prisma, salesAdmin, 2)) scoped.push(...page.map((r) => r.deviceName!));
    expect(scoped).toEqual(["Phone A", "Phone C", "Phone E"]);
  });
});
