/** The communes of département 64, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
