import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
// keys threading tokens and channel secrets in tests (a real deployment sets its own, or gets one in .data)
const env = { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "test-only-secret-not-for-production" };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          env,
          include: ["server/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.int.test.ts"],
          environment: "node",
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "int",
          env,
          include: ["server/**/*.int.test.ts", "prisma/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // the embedded fallback serialises all queries; keep parallelism modest either way
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
