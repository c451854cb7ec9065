/** The communes of département 2B, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
