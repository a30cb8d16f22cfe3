import "server-only";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { insightsQuerySchema } from "@/lib/insights/schemas";

const noQuery = z.object({}).strict();

export const insightEndpoints = {
  inventory: endpoint({
    method: "GET",
    path: "/api/inventory",
    auth: "viewer",
    reach: { kind: "filtered" },
    query: noQuery,
    tag: "Inventory and insights",
    summary:
      "What runs where: per compose service or image repository, each host's versions and counts, drift flagged",
  }),
  inventoryCsv: endpoint({
    method: "GET",
    path: "/api/inventory.csv",
    auth: "viewer",
    reach: { kind: "filtered" },
    query: noQuery,
    tag: "Inventory and insights",
    answers: "csv",
    summary: "The inventory as a CSV attachment, one line per row, host and image",
  }),
  insights: endpoint({
    method: "GET",
    path: "/api/insights",
    auth: "viewer",
    reach: { kind: "filtered" },
    query: insightsQuerySchema,
    tag: "Inventory and insights",
    summary:
      "Deployment frequency, change-failure rate, time to restore and lead time, against the previous period",
    errors: ["NOT_FOUND"],
  }),
};
