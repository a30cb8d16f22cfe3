import type { Metadata } from "next";
import { ImagesView } from "@/components/images/images-view";

export const metadata: Metadata = { title: "Images · Wharf" };

export default async function HostImagesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ImagesView hostId={decodeURIComponent(id)} />;
}
