/** The communes of département 2B, one per line (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
