import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { can } from "@/server/auth/actor";
import { getCurrentActor } from "@/server/auth/session";
import { CustomersScreen } from "@/components/customers/directory/customers-screen";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  // the directory is not for volunteers (they meet customers through their queues): back to the inbox
  const actor = await getCurrentActor();
  if (!actor) redirect("/signin");
  if (!can(actor, "customers.list")) redirect("/inbox");
  return (
    <Suspense>
      <CustomersScreen />
    </Suspense>
  );
}
