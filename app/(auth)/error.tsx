"use client";
import { SegmentError } from "@/components/ui/segment-error";

export default function AuthError({ error, retry }: { error: Error & { digest?: string }; retry?: () => void }) {
  return <SegmentError error={error} retry={retry} heading="h1" />;
}
