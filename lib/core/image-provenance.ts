const LABEL = "org.opencontainers.image.";
const REVISION = /^[0-9a-f]{7,64}$/i;
// Hosts whose commit pages live under /-/commit/ (GitLab); the others (GitHub, Gitea, Forgejo, Codeberg) use /commit/.
const GITLAB = /(^|\.)gitlab\./i;

/**
 * What an image says of itself in its OCI labels (`org.opencontainers.image.version`, `.revision`, `.source`,
 * `.created`), plus its registry digest and, when `source` is a forge URL, the revision's commit page.
 */
export type ImageProvenance = {
  version: string | null;
  revision: string | null;
  source: string | null;
  created: string | null;
  digest: string | null;
  commitUrl: string | null;
};

/** The registry digest of the reference a container was created from, when the engine knows it. */
export function digestOf(repoDigests: string[] | null | undefined, ref: string): string | null {
  if (!repoDigests || repoDigests.length === 0) return null;
  const repo = ref.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
  const match = repoDigests.find((d) => d.startsWith(`${repo}@`)) ?? repoDigests[0]!;
  return match.slice(match.indexOf("@") + 1);
}

/** An image's provenance from its labels and repo digests; labels that are blank count as absent. */
export function provenanceOf(
  image: { RepoDigests?: string[] | null; Config?: { Labels?: Record<string, string> | null } | null },
  ref: string,
): ImageProvenance {
  const labels = image.Config?.Labels ?? {};
  const label = (name: string) => labels[`${LABEL}${name}`]?.trim() || null;
  const source = label("source");
  const revision = label("revision");
  return {
    version: label("version"),
    revision,
    source,
    created: label("created"),
    digest: digestOf(image.RepoDigests, ref),
    commitUrl: commitUrl(source, revision),
  };
}

/**
 * The commit page of `revision` when `source` names a repository on a forge (https://host/owner/repo, with or
 * without .git, or git@host:owner/repo.git), else null. Only http(s) links come out: a label is anyone's text.
 */
export function commitUrl(source: string | null, revision: string | null): string | null {
  if (!source || !revision || !REVISION.test(revision)) return null;
  const scp = /^git@([^:/]+):(.+)$/.exec(source);
  let url: URL;
  try {
    url = new URL(scp ? `https://${scp[1]}/${scp[2]}` : source.replace(/^git\+/, ""));
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password) return null;
  const path = url.pathname.replace(/\/+$/, "").replace(/\.git$/, "");
  const parts = path.split("/").filter(Boolean);
  if (parts.length < 2) return null;
  const commit = GITLAB.test(url.hostname) ? "-/commit" : "commit";
  return `${url.protocol}//${url.host}/${parts.join("/")}/${commit}/${revision.toLowerCase()}`;
}

/** A revision as people quote it: its first 7 characters. */
export function shortRevision(revision: string): string {
  return REVISION.test(revision) ? revision.slice(0, 7) : revision.slice(0, 12);
}

/** A digest as people quote it: sha256: and its first 12 hex characters. */
export function shortDigest(digest: string): string {
  return digest.replace(/^(sha256:)?([0-9a-f]{12}).*$/, "$2");
}
