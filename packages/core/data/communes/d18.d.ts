/** The communes of département 18, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
