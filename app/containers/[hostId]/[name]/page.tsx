import { ContainerDetailView } from "@/components/container/container-detail-view";

export default async function ContainerPage({
  params,
}: {
  params: Promise<{ hostId: string; name: string }>;
}) {
  const { hostId, name } = await params;
  return <ContainerDetailView hostId={decodeURIComponent(hostId)} name={decodeURIComponent(name)} />;
}
