/** The communes of département 2A, one per line (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
