// P4 and P5 measure capabilities Wharf does not have yet. Each stays a row in the table with its goal, so the
// table shows what is missing; when the feature lands, replace `notBuilt` with a `run…` like the others.

export const redeploy = {
  id: "P4",
  what: "redeploy a container (pull new image, recreate)",
  goal: "≤ 1.1× the docker CLI",
  baseline: "docker pull + rm + run via CLI",
  notBuilt: true,
};

export const history = {
  id: "P5",
  what: "history: filtered query over 1,000,000 rows",
  goal: "≤ 50 ms",
  baseline: "—",
  notBuilt: true,
};
