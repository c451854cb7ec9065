/** The communes of département 26, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
