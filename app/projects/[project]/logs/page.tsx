import { ProjectLogView } from "@/components/logs/project-log-view";

export default async function ProjectLogsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  return <ProjectLogView project={decodeURIComponent(project)} />;
}
