/** The communes of département 976, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
