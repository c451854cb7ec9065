/** The communes of département 53, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
