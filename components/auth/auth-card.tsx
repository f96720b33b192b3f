// The card the sign-in and first-run pages show their form in, under the page's one heading.
import type { ReactNode } from "react";
import { Card, CardBody } from "@/components/ui";

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardBody className="space-y-4 py-6">
        <h1 className="text-xl font-semibold">{title}</h1>
        {children}
      </CardBody>
    </Card>
  );
}
