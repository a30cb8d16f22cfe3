import { formatCount } from "./format-figures";
import type { PeriodFigures } from "./types";

export type Frequency = { unit: "day" | "week"; value: string; previous: string };

/**
 * How often deploys happen, per day, or per week when per day would round to 0: a team that ships twice a
 * week reads "0.3 a day" as almost never, and "0" as never, which it is not.
 */
export function deployFrequency(current: PeriodFigures, previous: PeriodFigures): Frequency {
  const roundsToZero = (f: PeriodFigures) => formatCount(f.deploysPerDay) === "0" && f.deploysPerDay > 0;
  const weekly =
    formatCount(current.deploysPerDay) === "0" && (roundsToZero(current) || roundsToZero(previous));
  return weekly
    ? {
        unit: "week",
        value: formatCount(current.deploysPerWeek),
        previous: `${formatCount(previous.deploysPerWeek)} a week`,
      }
    : {
        unit: "day",
        value: formatCount(current.deploysPerDay),
        previous: `${formatCount(previous.deploysPerDay)} a day`,
      };
}
