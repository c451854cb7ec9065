/** The communes of département 08, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
