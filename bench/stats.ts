/** The middle value (the upper one of an even count): rounds are few, and one slow round must not move it. */
export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The q-quantile (0..1) by nearest rank. */
export const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
};

export const percent = (ratio: number): string => `${(ratio * 100).toFixed(0)}%`;
