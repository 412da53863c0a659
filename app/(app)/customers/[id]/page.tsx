import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerScreen } from "@/components/customers/page/customer-screen";

export const metadata: Metadata = { title: "Customer" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  // access is checked by every query the screen makes (a customer out of the member's scope is NOT_FOUND)
  return <CustomerScreen key={id} customerId={id} />;
}
