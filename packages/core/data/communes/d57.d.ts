/** The communes of département 57, one per line (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
