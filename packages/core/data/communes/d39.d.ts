/** The communes of département 39, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
