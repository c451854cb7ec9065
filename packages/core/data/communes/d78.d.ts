/** The communes of département 78, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
