/** ASP.NET's JSON date, which the description documents for `ExpireDate` in JSON: `/Date(<ms>)/`. */
export function toAspNetJsonDate(epochMs: number): string {
  return `/Date(${epochMs})/`;
}

/** The `xsd:dateTime` form of `ExpireDate` in XML: UTC with milliseconds. */
export function toXsdDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
