// Plain text for the server's start-up line and the fleet page alike (this module reaches the browser).
/** What to do when Wharf reaches no Docker engine at all. */
export const NO_ENGINE_HELP =
  "Start Docker, set DOCKER_HOST (one engine) or FLEET_CONFIG (a fleet file), or try `npm run demo`";
