/** The communes of département 2A, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
