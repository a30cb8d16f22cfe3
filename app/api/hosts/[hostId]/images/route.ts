import { route } from "@/lib/api/route";
import { listHostImages } from "@/lib/images/list-host-images";
import { imageEndpoints } from "@/lib/openapi/endpoints/images";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(imageEndpoints.hostImages, ({ params }) => listHostImages(params.hostId));
