/** The communes of département 56, in columns (see scripts/derive-data.mjs). */
declare const data: string;
export default data;
