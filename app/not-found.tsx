import Link from "next/link";
import { Notice } from "@/components/ui/notice";

export default function NotFound() {
  return (
    <Notice title="Page not found">
      <Link href="/" className="underline">
        Back to the fleet
      </Link>
    </Notice>
  );
}
