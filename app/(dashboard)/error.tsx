"use client";
import { useEffect } from "react";
import { SegmentError } from "@/components/ui/segment-error";

// A failed dashboard segment; the sub-pages' error.tsx re-export this one.
export default function DashboardError({ error, retry }: { error: Error & { digest?: string }; retry?: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return <SegmentError error={error} retry={retry} heading="h2" />;
}
