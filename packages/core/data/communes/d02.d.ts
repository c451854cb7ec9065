/** The communes of département 02, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
